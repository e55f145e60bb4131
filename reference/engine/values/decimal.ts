// Exact fixed-point values for Decimal(P, S): an unscaled bigint and its
// scale. Number(d) gives the nearest double, so numeric code that only
// needs an approximation (toNum, float arithmetic) keeps working.

import { EngineError } from '../errors.ts';

export class Dec {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /** Same value at another scale; digits below the new scale are truncated toward zero. */
  rescale(scale: number): Dec {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Dec(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    return new Dec(this.unscaled / 10n ** BigInt(this.scale - scale), scale);
  }

  /** Digits before the point (for precision checks). */
  integerDigits(): number {
    const whole = (this.unscaled < 0n ? -this.unscaled : this.unscaled) / 10n ** BigInt(this.scale);
    return whole === 0n ? 0 : whole.toString().length;
  }

  valueOf(): number {
    return Number(this.toString());
  }

  /** All `scale` digits after the point, as StarRocks and ClickHouse write decimals. */
  toString(): string {
    const neg = this.unscaled < 0n;
    const digits = (neg ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    const body = this.scale === 0 ? digits : `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    return neg ? `-${body}` : body;
  }

  /** Text with trailing fractional zeros dropped (`10.50` → `10.5`). */
  toTrimmedString(): string {
    const s = this.toString();
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }

  static zero(scale: number): Dec {
    return new Dec(0n, scale);
  }

  /** Parse decimal text (`-12.345`, `1e3`, `.5`); digits past `scale` are dropped. Undefined on bad text. */
  static parse(text: string, scale: number): Dec | undefined {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    let intPart = m[2] || '0';
    let frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    if (exp > 0) {
      const moved = frac.padEnd(exp, '0');
      intPart += moved.slice(0, exp);
      frac = moved.slice(exp);
    } else if (exp < 0) {
      const padded = intPart.padStart(-exp + 1, '0');
      frac = padded.slice(padded.length + exp) + frac;
      intPart = padded.slice(0, padded.length + exp);
    }
    // ClickHouse drops the digits past the scale (readDecimalText), it does not round.
    const kept = frac.slice(0, scale).padEnd(scale, '0');
    const unscaled = BigInt(intPart + kept);
    return new Dec(m[1] === '-' ? -unscaled : unscaled, scale);
  }

  static fromNumber(x: number, scale: number): Dec {
    if (!Number.isFinite(x)) throw new EngineError('CANNOT_CONVERT_TYPE', 'Decimal convert overflow. Cannot convert infinity or NaN to decimal');
    // As ClickHouse: the float times 10^scale, truncated toward zero.
    const scaled = Math.trunc(x * 10 ** scale);
    if (!Number.isFinite(scaled)) throw new EngineError('DECIMAL_OVERFLOW', 'Decimal convert overflow. Float is out of Decimal range');
    return new Dec(BigInt(scaled), scale);
  }

  static fromBigInt(v: bigint, scale: number): Dec {
    return new Dec(v * 10n ** BigInt(scale), scale);
  }

  compare(other: Dec): number {
    const s = Math.max(this.scale, other.scale);
    const a = this.rescale(s).unscaled;
    const b = other.rescale(s).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  add(other: Dec): Dec {
    const s = Math.max(this.scale, other.scale);
    return new Dec(this.rescale(s).unscaled + other.rescale(s).unscaled, s);
  }
}

export function isDec(v: unknown): v is Dec {
  return v instanceof Dec;
}
