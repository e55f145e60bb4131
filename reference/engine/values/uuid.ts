// UUID values: 128 bits kept as 32 lower-case hex digits. ClickHouse stores a
// UUID as a UInt128 whose halves are swapped against the text, so it orders
// UUIDs by their last 16 hex digits first; compareKey gives that order.

export class Uuid {
  /** 32 lower-case hex digits, in text order. */
  readonly hex: string;

  constructor(hex: string) {
    this.hex = hex;
  }

  static readonly ZERO = new Uuid('0'.repeat(32));

  /** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, or 32 hex digits without dashes; undefined when neither. */
  static parse(text: string): Uuid | undefined {
    let hex: string;
    if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)) hex = text.replaceAll('-', '');
    else if (/^[0-9a-fA-F]{32}$/.test(text)) hex = text;
    else return undefined;
    return new Uuid(hex.toLowerCase());
  }

  /** A version 4 UUID from crypto randomness. */
  static random(): Uuid {
    return new Uuid(crypto.randomUUID().replaceAll('-', ''));
  }

  /** The order ClickHouse sorts UUIDs in (second half, then first half). */
  compareKey(): string {
    return this.hex.slice(16) + this.hex.slice(0, 16);
  }

  toString(): string {
    const h = this.hex;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** The UInt128 ClickHouse holds: the first half in the high 64 bits. */
  toBigInt(): bigint {
    return BigInt(`0x${this.hex}`);
  }
}

export function isUuid(v: unknown): v is Uuid {
  return v instanceof Uuid;
}
