// CityHash128 as of CityHash 1.0.2, the version ClickHouse vendors as
// contrib/cityhash102 for the checksums of its native compressed blocks.
// Later CityHash releases changed the algorithm, so no npm package matches it.
// 64-bit words are kept as two unsigned 32-bit halves (…H, …L) in plain
// numbers and typed arrays: BigInt arithmetic was several times slower and
// dominated native block throughput. Helpers return their result in the
// registers R[0] (high half) and R[1] (low half).

export interface Hash128 {
  low: bigint;
  high: bigint;
}

const K0H = 0xc3a5c85c, K0L = 0x97cb3127;
const K1H = 0xb492b66f, K1L = 0xbe98f273;
const K2H = 0x9ae16a3b, K2L = 0x2f90404f;
const K3H = 0xc949d7c7, K3L = 0x509e6557;
const KMH = 0x9ddfea08, KML = 0xeb382d69;

/** Result registers: a typed array, so that writing a 32-bit value never allocates. */
const R = new Uint32Array(2);

/** (ah:al) * (bh:bl) mod 2^64. */
function mul(ah: number, al: number, bh: number, bl: number): void {
  al >>>= 0;
  bl >>>= 0;
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const t = a0 * b0;
  const m1 = a1 * b0 + (t >>> 16);
  const m2 = a0 * b1 + (m1 & 0xffff);
  const carry = a1 * b1 + (m1 >>> 16) + (m2 >>> 16);
  R[0] = (carry + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
  R[1] = Math.imul(al, bl) >>> 0;
}

function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = (al >>> 0) + (bl >>> 0);
  R[1] = lo >>> 0;
  R[0] = ((ah >>> 0) + (bh >>> 0) + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

function sub(ah: number, al: number, bh: number, bl: number): void {
  const lo = (al >>> 0) - (bl >>> 0);
  R[1] = lo >>> 0;
  R[0] = ((ah >>> 0) - (bh >>> 0) - (lo < 0 ? 1 : 0)) >>> 0;
}

/** Rotate right by 0 < s < 64. */
function rot(h: number, l: number, s: number): void {
  if (s >= 32) {
    const t = h;
    h = l;
    l = t;
    s -= 32;
  }
  if (s === 0) {
    R[0] = h >>> 0;
    R[1] = l >>> 0;
    return;
  }
  R[0] = ((h >>> s) | (l << (32 - s))) >>> 0;
  R[1] = ((l >>> s) | (h << (32 - s))) >>> 0;
}

/** Hash128to64(u, v): a 64-bit mix of two words (also HashLen16). */
function hashLen16(uh: number, ul: number, vh: number, vl: number): void {
  mul(uh ^ vh, ul ^ vl, KMH, KML);
  const ah = R[0], al = (R[1] ^ (R[0] >>> 15)) >>> 0;
  mul(vh ^ ah, vl ^ al, KMH, KML);
  const bh = R[0], bl = (R[1] ^ (R[0] >>> 15)) >>> 0;
  mul(bh, bl, KMH, KML);
}

/** x * k then ShiftMix then * k, used by CityMurmur. */
function mixMul(h: number, l: number, kh: number, kl: number): void {
  mul(h, l, kh, kl);
  mul(R[0], R[1] ^ (R[0] >>> 15), kh, kl);
}

let view: DataView = new DataView(new ArrayBuffer(0));
const f32 = (at: number): number => view.getUint32(at, true);

function hashLen0to16(at: number, len: number): void {
  if (len > 8) {
    const al = f32(at), ah = f32(at + 4);
    const bl = f32(at + len - 8), bh = f32(at + len - 4);
    add(bh, bl, 0, len);
    rot(R[0], R[1], len);
    hashLen16(ah, al, R[0], R[1]);
    R[0] = (R[0] ^ bh) >>> 0;
    R[1] = (R[1] ^ bl) >>> 0;
    return;
  }
  if (len >= 4) {
    const a = f32(at);
    add(a >>> 29, a << 3, 0, len);
    hashLen16(R[0], R[1], 0, f32(at + len - 4));
    return;
  }
  if (len > 0) {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const y = (bytes[at]! + (bytes[at + (len >> 1)]! << 8)) >>> 0;
    const z = (len + (bytes[at + len - 1]! << 2)) >>> 0;
    mul(0, y, K2H, K2L);
    const yh = R[0], yl = R[1];
    mul(0, z, K3H, K3L);
    const xh = yh ^ R[0], xl = yl ^ R[1];
    mul(xh, xl ^ (xh >>> 15), K2H, K2L);
    return;
  }
  R[0] = K2H;
  R[1] = K2L;
}

function cityMurmur(at: number, len: number, seedH: number, seedL: number, seed2H: number, seed2L: number): [number, number, number, number] {
  let ah = seedH, al = seedL, bh = seed2H, bl = seed2L;
  let ch: number, cl: number, dh: number, dl: number;
  let l = len - 16;
  if (l <= 0) {
    mixMul(ah, al, K1H, K1L);
    ah = R[0]; al = R[1];
    hashLen0to16(at, len);
    const hh = R[0], hl = R[1];
    mul(bh, bl, K1H, K1L);
    add(R[0], R[1], hh, hl);
    ch = R[0]; cl = R[1];
    if (len >= 8) add(ah, al, f32(at + 4), f32(at));
    else add(ah, al, ch, cl);
    dh = R[0]; dl = (R[1] ^ (R[0] >>> 15)) >>> 0;
  } else {
    add(f32(at + len - 4), f32(at + len - 8), K1H, K1L);
    hashLen16(R[0], R[1], ah, al);
    ch = R[0]; cl = R[1];
    add(bh, bl, 0, len);
    const th = R[0], tl = R[1];
    add(ch, cl, f32(at + len - 12), f32(at + len - 16));
    hashLen16(th, tl, R[0], R[1]);
    dh = R[0]; dl = R[1];
    add(ah, al, dh, dl);
    ah = R[0]; al = R[1];
    do {
      mixMul(f32(at + 4), f32(at), K1H, K1L);
      mul(ah ^ R[0], al ^ R[1], K1H, K1L);
      ah = R[0]; al = R[1];
      bh ^= ah; bl ^= al;
      mixMul(f32(at + 12), f32(at + 8), K1H, K1L);
      mul(ch ^ R[0], cl ^ R[1], K1H, K1L);
      ch = R[0]; cl = R[1];
      dh ^= ch; dl ^= cl;
      at += 16;
      l -= 16;
    } while (l > 0);
  }
  hashLen16(ah, al, ch, cl);
  ah = R[0]; al = R[1];
  hashLen16(dh, dl, bh, bl);
  bh = R[0]; bl = R[1];
  hashLen16(bh, bl, ah, al);
  return [(ah ^ bh) >>> 0, (al ^ bl) >>> 0, R[0], R[1]];
}

function cityHash128WithSeed(at: number, len: number, seedH: number, seedL: number, seed2H: number, seed2L: number): [number, number, number, number] {
  if (len < 128) return cityMurmur(at, len, seedH, seedL, seed2H, seed2L);

  const S = STATE;
  S[XH] = seedH; S[XL] = seedL; S[YH] = seed2H; S[YL] = seed2L;
  mul(0, len, K1H, K1L);
  S[ZH] = R[0]; S[ZL] = R[1];
  rot(S[YH]! ^ K1H, S[YL]! ^ K1L, 49);
  mul(R[0]!, R[1]!, K1H, K1L);
  add(R[0]!, R[1]!, f32(at + 4), f32(at));
  S[V0H] = R[0]; S[V0L] = R[1];
  rot(S[V0H]!, S[V0L]!, 42);
  mul(R[0]!, R[1]!, K1H, K1L);
  add(R[0]!, R[1]!, f32(at + 12), f32(at + 8));
  S[V1H] = R[0]; S[V1L] = R[1];
  add(S[YH]!, S[YL]!, S[ZH]!, S[ZL]!);
  rot(R[0]!, R[1]!, 35);
  mul(R[0]!, R[1]!, K1H, K1L);
  add(R[0]!, R[1]!, S[XH]!, S[XL]!);
  S[W0H] = R[0]; S[W0L] = R[1];
  add(S[XH]!, S[XL]!, f32(at + 92), f32(at + 88));
  rot(R[0]!, R[1]!, 53);
  mul(R[0]!, R[1]!, K1H, K1L);
  S[W1H] = R[0]; S[W1L] = R[1];

  do {
    longRound(at);
    longRound(at + 64);
    at += 128;
    len -= 128;
  } while (len >= 128);

  rot(S[W0H]!, S[W0L]!, 37);
  mul(R[0]!, R[1]!, K0H, K0L);
  add(R[0]!, R[1]!, S[ZH]!, S[ZL]!);
  add(S[YH]!, S[YL]!, R[0]!, R[1]!);
  S[YH] = R[0]; S[YL] = R[1];
  add(S[V0H]!, S[V0L]!, S[ZH]!, S[ZL]!);
  rot(R[0]!, R[1]!, 49);
  mul(R[0]!, R[1]!, K0H, K0L);
  add(S[XH]!, S[XL]!, R[0]!, R[1]!);
  S[XH] = R[0]; S[XL] = R[1];
  for (let tailDone = 0; tailDone < len;) {
    tailDone += 32;
    sub(S[YH]!, S[YL]!, S[XH]!, S[XL]!);
    rot(R[0]!, R[1]!, 42);
    mul(R[0]!, R[1]!, K0H, K0L);
    add(R[0]!, R[1]!, S[V1H]!, S[V1L]!);
    S[YH] = R[0]; S[YL] = R[1];
    const p = at + len - tailDone;
    add(S[W0H]!, S[W0L]!, f32(p + 20), f32(p + 16));
    S[W0H] = R[0]; S[W0L] = R[1];
    rot(S[XH]!, S[XL]!, 49);
    mul(R[0]!, R[1]!, K0H, K0L);
    add(R[0]!, R[1]!, S[W0H]!, S[W0L]!);
    S[XH] = R[0]; S[XL] = R[1];
    add(S[W0H]!, S[W0L]!, S[V0H]!, S[V0L]!);
    S[W0H] = R[0]; S[W0L] = R[1];
    weak(p, S[V0H]!, S[V0L]!, S[V1H]!, S[V1L]!, V0H);
  }
  hashLen16(S[XH]!, S[XL]!, S[V0H]!, S[V0L]!);
  S[XH] = R[0]; S[XL] = R[1];
  hashLen16(S[YH]!, S[YL]!, S[W0H]!, S[W0L]!);
  S[YH] = R[0]; S[YL] = R[1];
  add(S[XH]!, S[XL]!, S[V1H]!, S[V1L]!);
  hashLen16(R[0]!, R[1]!, S[W1H]!, S[W1L]!);
  add(R[0]!, R[1]!, S[YH]!, S[YL]!);
  const lowH = R[0]!, lowL = R[1]!;
  add(S[XH]!, S[XL]!, S[W1H]!, S[W1L]!);
  const ph = R[0]!, pl = R[1]!;
  add(S[YH]!, S[YL]!, S[V1H]!, S[V1L]!);
  hashLen16(ph, pl, R[0]!, R[1]!);
  return [lowH, lowL, R[0]!, R[1]!];
}

// State of the long-input loop, by slot.
const XH = 0, XL = 1, YH = 2, YL = 3, ZH = 4, ZL = 5, V0H = 6, V0L = 7, V1H = 8, V1L = 9, W0H = 10, W0L = 11, W1H = 12, W1L = 13;
const STATE = new Uint32Array(14);

/** WeakHashLen32WithSeeds over the 32 bytes at p with seeds a and b; the pair goes to STATE[out..out+3]. */
function weak(p: number, ah: number, al: number, bh: number, bl: number, out: number): void {
  const wl = f32(p), wh = f32(p + 4);
  const zl = f32(p + 24), zh = f32(p + 28);
  add(ah, al, wh, wl);
  ah = R[0]!; al = R[1]!;
  add(bh, bl, ah, al);
  add(R[0]!, R[1]!, zh, zl);
  rot(R[0]!, R[1]!, 21);
  bh = R[0]!; bl = R[1]!;
  const ch = ah, cl = al;
  add(ah, al, f32(p + 12), f32(p + 8));
  add(R[0]!, R[1]!, f32(p + 20), f32(p + 16));
  ah = R[0]!; al = R[1]!;
  rot(ah, al, 44);
  add(bh, bl, R[0]!, R[1]!);
  bh = R[0]!; bl = R[1]!;
  add(ah, al, zh, zl);
  STATE[out] = R[0]!; STATE[out + 1] = R[1]!;
  add(bh, bl, ch, cl);
  STATE[out + 2] = R[0]!; STATE[out + 3] = R[1]!;
}

/** One 64-byte round of CityHash128WithSeed's main loop. */
function longRound(at: number): void {
  const S = STATE;
  add(S[XH]!, S[XL]!, S[YH]!, S[YL]!);
  add(R[0]!, R[1]!, S[V0H]!, S[V0L]!);
  add(R[0]!, R[1]!, f32(at + 20), f32(at + 16));
  rot(R[0]!, R[1]!, 37);
  mul(R[0]!, R[1]!, K1H, K1L);
  S[XH] = R[0]!; S[XL] = R[1]!;
  add(S[YH]!, S[YL]!, S[V1H]!, S[V1L]!);
  add(R[0]!, R[1]!, f32(at + 52), f32(at + 48));
  rot(R[0]!, R[1]!, 42);
  mul(R[0]!, R[1]!, K1H, K1L);
  S[YH] = R[0]!; S[YL] = R[1]!;
  S[XH] = S[XH]! ^ S[W1H]!; S[XL] = S[XL]! ^ S[W1L]!;
  S[YH] = S[YH]! ^ S[V0H]!; S[YL] = S[YL]! ^ S[V0L]!;
  rot(S[ZH]! ^ S[W0H]!, S[ZL]! ^ S[W0L]!, 33);
  S[ZH] = R[0]!; S[ZL] = R[1]!;
  mul(S[V1H]!, S[V1L]!, K1H, K1L);
  const sah = R[0]!, sal = R[1]!;
  add(S[XH]!, S[XL]!, S[W0H]!, S[W0L]!);
  weak(at, sah, sal, R[0]!, R[1]!, V0H);
  add(S[ZH]!, S[ZL]!, S[W1H]!, S[W1L]!);
  weak(at + 32, R[0]!, R[1]!, S[YH]!, S[YL]!, W0H);
  const th = S[ZH]!, tl = S[ZL]!;
  S[ZH] = S[XH]!; S[ZL] = S[XL]!;
  S[XH] = th; S[XL] = tl;
}

const toBig = (h: number, l: number): bigint => (BigInt(h >>> 0) << 32n) | BigInt(l >>> 0);

export function cityHash128(data: Uint8Array): Hash128 {
  view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = data.length;
  let r: [number, number, number, number];
  if (len >= 16) {
    r = cityHash128WithSeed(16, len - 16, f32(4) ^ K3H, f32(0) ^ K3L, f32(12), f32(8));
  } else if (len >= 8) {
    mul(0, len, K0H, K0L);
    r = cityHash128WithSeed(0, 0, f32(4) ^ R[0], f32(0) ^ R[1], f32(len - 4) ^ K1H, f32(len - 8) ^ K1L);
  } else {
    r = cityHash128WithSeed(0, len, K0H, K0L, K1H, K1L);
  }
  return { low: toBig(r[0], r[1]), high: toBig(r[2], r[3]) };
}

/** The 16 bytes ClickHouse stores in front of a compressed block: low then high, little-endian. */
export function cityHash128Bytes(data: Uint8Array): Buffer {
  const { low, high } = cityHash128(data);
  const out = Buffer.alloc(16);
  out.writeBigUInt64LE(low, 0);
  out.writeBigUInt64LE(high, 8);
  return out;
}
