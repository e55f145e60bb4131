// CityHash128 as of CityHash 1.0.2, the version ClickHouse vendors as
// contrib/cityhash102 for the checksums of its native compressed blocks.
// Later CityHash releases changed the algorithm, so no npm package matches it.
// 64-bit arithmetic is done on BigInt wrapped to 64 bits.

const MASK = (1n << 64n) - 1n;
const k0 = 0xc3a5c85c97cb3127n;
const k1 = 0xb492b66fbe98f273n;
const k2 = 0x9ae16a3b2f90404fn;
const k3 = 0xc949d7c7509e6557n;
const kMul = 0x9ddfea08eb382d69n;

export interface Hash128 {
  low: bigint;
  high: bigint;
}

const u64 = (x: bigint): bigint => x & MASK;
const mul = (a: bigint, b: bigint): bigint => (a * b) & MASK;
const add = (...xs: bigint[]): bigint => xs.reduce((s, x) => s + x, 0n) & MASK;
const sub = (a: bigint, b: bigint): bigint => (a - b) & MASK;

function rotate(val: bigint, shift: number): bigint {
  if (shift === 0) return val;
  const s = BigInt(shift);
  return ((val >> s) | (val << (64n - s))) & MASK;
}

const shiftMix = (val: bigint): bigint => val ^ (val >> 47n);

function hash128to64(low: bigint, high: bigint): bigint {
  let a = mul(low ^ high, kMul);
  a ^= a >> 47n;
  let b = mul(high ^ a, kMul);
  b ^= b >> 47n;
  return mul(b, kMul);
}

const hashLen16 = hash128to64;

class Bytes {
  readonly view: DataView;
  readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  fetch64(at: number): bigint {
    return this.view.getBigUint64(at, true);
  }
  fetch32(at: number): bigint {
    return BigInt(this.view.getUint32(at, true));
  }
}

function hashLen0to16(s: Bytes, at: number, len: number): bigint {
  const n = BigInt(len);
  if (len > 8) {
    const a = s.fetch64(at);
    const b = s.fetch64(at + len - 8);
    return hashLen16(a, rotate(add(b, n), len)) ^ b;
  }
  if (len >= 4) {
    const a = s.fetch32(at);
    return hashLen16(add(n, a << 3n), s.fetch32(at + len - 4));
  }
  if (len > 0) {
    const a = BigInt(s.buf[at]!);
    const b = BigInt(s.buf[at + (len >> 1)]!);
    const c = BigInt(s.buf[at + len - 1]!);
    const y = (a + (b << 8n)) & 0xffffffffn;
    const z = (n + (c << 2n)) & 0xffffffffn;
    return mul(shiftMix(mul(y, k2) ^ mul(z, k3)), k2);
  }
  return k2;
}

function weakHashLen32WithSeeds(w: bigint, x: bigint, y: bigint, z: bigint, a: bigint, b: bigint): [bigint, bigint] {
  a = add(a, w);
  b = rotate(add(b, a, z), 21);
  const c = a;
  a = add(a, x, y);
  b = add(b, rotate(a, 44));
  return [add(a, z), add(b, c)];
}

function weakHashAt(s: Bytes, at: number, a: bigint, b: bigint): [bigint, bigint] {
  return weakHashLen32WithSeeds(s.fetch64(at), s.fetch64(at + 8), s.fetch64(at + 16), s.fetch64(at + 24), a, b);
}

function cityMurmur(s: Bytes, at: number, len: number, seedLow: bigint, seedHigh: bigint): Hash128 {
  let a = seedLow;
  let b = seedHigh;
  let c: bigint;
  let d: bigint;
  let l = len - 16;
  if (l <= 0) {
    a = mul(shiftMix(mul(a, k1)), k1);
    c = add(mul(b, k1), hashLen0to16(s, at, len));
    d = shiftMix(add(a, len >= 8 ? s.fetch64(at) : c));
  } else {
    c = hashLen16(add(s.fetch64(at + len - 8), k1), a);
    d = hashLen16(add(b, BigInt(len)), add(c, s.fetch64(at + len - 16)));
    a = add(a, d);
    do {
      a ^= mul(shiftMix(mul(s.fetch64(at), k1)), k1);
      a = mul(a, k1);
      b ^= a;
      c ^= mul(shiftMix(mul(s.fetch64(at + 8), k1)), k1);
      c = mul(c, k1);
      d ^= c;
      at += 16;
      l -= 16;
    } while (l > 0);
  }
  a = hashLen16(a, c);
  b = hashLen16(d, b);
  return { low: a ^ b, high: hashLen16(b, a) };
}

function cityHash128WithSeed(s: Bytes, at: number, len: number, seedLow: bigint, seedHigh: bigint): Hash128 {
  if (len < 128) return cityMurmur(s, at, len, seedLow, seedHigh);

  let x = seedLow;
  let y = seedHigh;
  let z = mul(BigInt(len), k1);
  let v: [bigint, bigint] = [0n, 0n];
  let w: [bigint, bigint] = [0n, 0n];
  v[0] = add(mul(rotate(y ^ k1, 49), k1), s.fetch64(at));
  v[1] = add(mul(rotate(v[0], 42), k1), s.fetch64(at + 8));
  w[0] = add(mul(rotate(add(y, z), 35), k1), x);
  w[1] = mul(rotate(add(x, s.fetch64(at + 88)), 53), k1);

  const round = (): void => {
    x = mul(rotate(add(x, y, v[0], s.fetch64(at + 16)), 37), k1);
    y = mul(rotate(add(y, v[1], s.fetch64(at + 48)), 42), k1);
    x ^= w[1];
    y ^= v[0];
    z = rotate(z ^ w[0], 33);
    v = weakHashAt(s, at, mul(v[1], k1), add(x, w[0]));
    w = weakHashAt(s, at + 32, add(z, w[1]), y);
    [z, x] = [x, z];
    at += 64;
  };
  do {
    round();
    round();
    len -= 128;
  } while (len >= 128);

  y = add(y, mul(rotate(w[0], 37), k0), z);
  x = add(x, mul(rotate(add(v[0], z), 49), k0));
  for (let tailDone = 0; tailDone < len;) {
    tailDone += 32;
    y = add(mul(rotate(sub(y, x), 42), k0), v[1]);
    w[0] = add(w[0], s.fetch64(at + len - tailDone + 16));
    x = add(mul(rotate(x, 49), k0), w[0]);
    w[0] = add(w[0], v[0]);
    v = weakHashAt(s, at + len - tailDone, v[0], v[1]);
  }
  x = hashLen16(x, v[0]);
  y = hashLen16(y, w[0]);
  return {
    low: add(hashLen16(add(x, v[1]), w[1]), y),
    high: hashLen16(add(x, w[1]), add(y, v[1])),
  };
}

export function cityHash128(data: Uint8Array): Hash128 {
  const s = new Bytes(data);
  const len = data.length;
  if (len >= 16) return cityHash128WithSeed(s, 16, len - 16, s.fetch64(0) ^ k3, s.fetch64(8));
  if (len >= 8) {
    return cityHash128WithSeed(s, 0, 0, s.fetch64(0) ^ mul(BigInt(len), k0), s.fetch64(len - 8) ^ k1);
  }
  return cityHash128WithSeed(s, 0, len, k0, k1);
}

/** The 16 bytes ClickHouse stores in front of a compressed block: low then high, little-endian. */
export function cityHash128Bytes(data: Uint8Array): Buffer {
  const { low, high } = cityHash128(data);
  const out = Buffer.alloc(16);
  out.writeBigUInt64LE(u64(low), 0);
  out.writeBigUInt64LE(u64(high), 8);
  return out;
}
