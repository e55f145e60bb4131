// A growing byte buffer for columnar writers (formats, string kernels):
// digits straight into bytes, strings copied from column buffers, so a block
// becomes one Buffer without a JS string per value.


// "00".."99" as byte pairs.
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

const EMPTY = Buffer.alloc(0);

export class ByteWriter {
  buf: Buffer;
  pos = 0;
  /** The size of the next buffer: what the last one grew to. */
  private capacity: number;
  constructor(capacity: number) {
    this.capacity = Math.max(256, capacity);
    this.buf = EMPTY;
  }
  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.capacity, this.pos + n));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
    this.capacity = grown.length;
  }
  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos++] = b;
  }
  /** Text of one-byte characters (latin1: digits, keys prepared as bytes). */
  latin1(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }
  utf8(s: string): void {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }
  bytes(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.ensure(n);
    const buf = this.buf;
    if (n < 24) {
      let at = this.pos;
      for (let i = start; i < end; i++) buf[at++] = src[i]!;
    } else buf.set(src.subarray(start, end), this.pos);
    this.pos += n;
  }
  /** 0 <= n < 2^53, as decimal digits, written from the last one back: two per division, 32-bit steps while they fit. */
  uint(n: number): void {
    let len = 1;
    for (let p = 10; n >= p && len < 16; p *= 10) len++;
    if (this.pos + len > this.buf.length) this.ensure(len);
    const buf = this.buf;
    let at = this.pos + len;
    this.pos = at;
    while (n >= 4294967296) {
      const q = Math.floor(n / 100);
      const r = (n - q * 100) * 2;
      buf[--at] = PAIRS[r + 1]!;
      buf[--at] = PAIRS[r]!;
      n = q;
    }
    let m = n >>> 0;
    while (m >= 100) {
      const q = (m / 100) >>> 0;
      const r = (m - q * 100) * 2;
      buf[--at] = PAIRS[r + 1]!;
      buf[--at] = PAIRS[r]!;
      m = q;
    }
    if (m >= 10) {
      buf[--at] = PAIRS[m * 2 + 1]!;
      buf[--at] = PAIRS[m * 2]!;
    } else buf[--at] = 48 + m;
  }
  /** |n| < 2^53. */
  int(n: number): void {
    if (n < 0) {
      this.byte(45);
      this.uint(-n);
    } else this.uint(n);
  }
  /** A 64-bit value given as its little-endian 32-bit halves. */
  uint64(lo: number, hi: number): void {
    if (hi < 0x200000) this.uint(hi * 4294967296 + lo);
    else this.latin1(((BigInt(hi) << 32n) | BigInt(lo)).toString());
  }
  int64(lo: number, hi: number): void {
    if (hi < 0x200000) this.uint(hi * 4294967296 + lo);
    else if (hi >= 0xffe00001) this.int((hi - 4294967296) * 4294967296 + lo);
    else this.latin1(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString());
  }
  /** LEB128, as RowBinary writes lengths. */
  varint(n: number): void {
    this.ensure(10);
    while (n >= 0x80) {
      this.buf[this.pos++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.pos++] = n;
  }
  /** The bytes written; the writer starts over on a fresh buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    // The next buffer is made when something is written (a writer used once makes none).
    this.buf = EMPTY;
    this.pos = 0;
    return out;
  }
}
