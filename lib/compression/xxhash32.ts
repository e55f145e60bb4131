// xxHash32, incremental: the checksum of LZ4 frame headers, blocks and content.

const P1 = 2654435761;
const P2 = 2246822519;
const P3 = 3266489917;
const P4 = 668265263;
const P5 = 374761393;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const round = (acc: number, lane: number): number => Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);
const readU32 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

export class XXH32 {
  readonly #seed: number;
  #v1: number;
  #v2: number;
  #v3: number;
  #v4: number;
  #total = 0;
  readonly #mem = new Uint8Array(16);
  #memSize = 0;

  constructor(seed = 0) {
    this.#seed = seed | 0;
    this.#v1 = (this.#seed + P1 + P2) | 0;
    this.#v2 = (this.#seed + P2) | 0;
    this.#v3 = this.#seed;
    this.#v4 = (this.#seed - P1) | 0;
  }

  update(data: Uint8Array): this {
    let p = 0;
    const len = data.length;
    this.#total += len;
    if (this.#memSize + len < 16) {
      this.#mem.set(data, this.#memSize);
      this.#memSize += len;
      return this;
    }
    if (this.#memSize > 0) {
      const take = 16 - this.#memSize;
      this.#mem.set(data.subarray(0, take), this.#memSize);
      this.#stripe(this.#mem, 0);
      p = take;
      this.#memSize = 0;
    }
    for (; p + 16 <= len; p += 16) this.#stripe(data, p);
    if (p < len) {
      this.#mem.set(data.subarray(p), 0);
      this.#memSize = len - p;
    }
    return this;
  }

  #stripe(b: Uint8Array, p: number): void {
    this.#v1 = round(this.#v1, readU32(b, p));
    this.#v2 = round(this.#v2, readU32(b, p + 4));
    this.#v3 = round(this.#v3, readU32(b, p + 8));
    this.#v4 = round(this.#v4, readU32(b, p + 12));
  }

  digest(): number {
    let h = this.#total >= 16
      ? (rotl(this.#v1, 1) + rotl(this.#v2, 7) + rotl(this.#v3, 12) + rotl(this.#v4, 18)) | 0
      : (this.#seed + P5) | 0;
    h = (h + this.#total) | 0;
    let p = 0;
    const mem = this.#mem;
    for (; p + 4 <= this.#memSize; p += 4) h = Math.imul(rotl((h + Math.imul(readU32(mem, p), P3)) | 0, 17), P4);
    for (; p < this.#memSize; p++) h = Math.imul(rotl((h + Math.imul(mem[p]!, P5)) | 0, 11), P1);
    h ^= h >>> 15;
    h = Math.imul(h, P2);
    h ^= h >>> 13;
    h = Math.imul(h, P3);
    h ^= h >>> 16;
    return h >>> 0;
  }
}

export const xxh32 = (data: Uint8Array, seed = 0): number => new XXH32(seed).update(data).digest();
