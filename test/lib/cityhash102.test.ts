import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityHash128, cityHash128Bytes } from '../../lib/cityhash102.ts';

// Each vector is the 9-byte header of an uncompressed (method 0x02) native block
// followed by a payload of n bytes (i * 7 + 13) % 251. The expected values are what
// a real ClickHouse 18.16 printed as "Actual: …" for a block with a zeroed checksum
// (low 64 bits then high 64 bits, hex), and the same blocks with this hash were
// accepted by that server with decompress=1. The lengths walk every branch of the
// algorithm: 0-16 bytes, 17-127 (CityMurmur), 128+ with and without a tail.
const vectors: Array<[number, string]> = [
  [0, '974f2cf0ae3066c75542df7f2ac1d4b6'],
  [1, '7fc78a7d2b4c019b191e14299e2f5269'],
  [3, '8fe71111b26b36d5f98570965a88ae48'],
  [4, '98a3eb86e1361b8826f937c421db9a23'],
  [7, '00a4216f7a492bdcf6b5d2548ba3b8b0'],
  [8, 'b3dc1190b146cf5588f753a3ebce20f9'],
  [15, '6bd09fa177eed906e13e64af4dc2c898'],
  [16, '4da67d4d59fe3a1f919bd91009a0afcd'],
  [17, '14a4951afb7d0cfef1a03d5dc563aa3c'],
  [40, 'd79057200a7a0c4609f8b4cf2808bc6e'],
  [64, '69acc58736af76568df8f9a8c1d22406'],
  [100, 'da5e0aaca8499e8de79537663b25b36c'],
  [118, '4f02e15e52f1a4a602d29509b7d20013'],
  [119, '5f06c58413a1450b637322e8be87e32f'],
  [120, '05ca3ea164dcdff59897607cbe19d510'],
  [127, '4f4c9a83f2ce58955ff582951a58dd56'],
  [128, 'ba092d4654f029b34e0aa8c2b08b3d80'],
  [200, '716f154c4d431727547533f3abb7d4a3'],
  [255, 'f089187433d59b8727f83c65a5227086'],
  [256, 'd8883af84a024f0dbd24007657fbf524'],
  [300, '58679290b8fb078c44f166e35c480ea5'],
  [1000, '2a906554007fdce8cf7709a2860a7e8e'],
  [4096, 'f6f92628916ba30792cec2dcb345d902'],
  [70000, '53168cde871472507f8252e9e7a5579d'],
];

function blockBody(n: number): Buffer {
  const body = Buffer.alloc(9 + n);
  body[0] = 0x02;
  body.writeUInt32LE(9 + n, 1);
  body.writeUInt32LE(n, 5);
  for (let i = 0; i < n; i++) body[9 + i] = (i * 7 + 13) % 251;
  return body;
}

const hex64 = (x: bigint): string => x.toString(16).padStart(16, '0');

test('CityHash128 v1.0.2 matches what ClickHouse computes for native block checksums', () => {
  for (const [n, expected] of vectors) {
    const { low, high } = cityHash128(blockBody(n));
    assert.equal(hex64(low) + hex64(high), expected, `payload of ${n} bytes`);
  }
});

test('checksum bytes are low then high, little-endian', () => {
  const { low, high } = cityHash128(blockBody(40));
  const bytes = cityHash128Bytes(blockBody(40));
  assert.equal(bytes.readBigUInt64LE(0), low);
  assert.equal(bytes.readBigUInt64LE(8), high);
});
