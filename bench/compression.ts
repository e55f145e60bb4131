// Throughput of every HTTP codec and of the native block format on ~16 MiB of
// TSV-like rows. Prints MB/s; asserts nothing.
//   node bench/compression.ts [MiB]

import { cityHash128 } from '../lib/cityhash102.ts';
import { compressBuffer, decompressBuffer } from '../lib/compression/http-codecs.ts';
import { HTTP_COMPRESSION_METHODS } from '../lib/compression/http-methods.ts';
import { decodeNativeBlocks, encodeNativeBlocks } from '../lib/compression/native-blocks.ts';

const mib = Number(process.argv[2] ?? 16);

function sampleRows(bytes: number): Buffer {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const row = `${i}\tuser_${(i * 2654435761) % 100000}\t${(i % 977) * 1.25}\t2024-01-${String(1 + (i % 28)).padStart(2, '0')}\n`;
    parts.push(row);
    size += row.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

const mbps = (bytes: number, seconds: number): string => (bytes / 1e6 / seconds).toFixed(1).padStart(8);

const data = sampleRows(mib << 20);
console.log(`input: ${(data.length / 1e6).toFixed(1)} MB of TSV rows; MB/s of uncompressed bytes\n`);
console.log('codec            ratio   compress  decompress');

for (const method of HTTP_COMPRESSION_METHODS) {
  let packed: Buffer = Buffer.alloc(0);
  const tc = await time(async () => { packed = await compressBuffer(method, data, { level: 3 }); });
  let plain: Buffer = Buffer.alloc(0);
  const td = await time(async () => { plain = await decompressBuffer(method, packed); });
  if (!plain.equals(data)) throw new Error(`${method}: round trip mismatch`);
  console.log(`http ${method.padEnd(10)} ${(data.length / packed.length).toFixed(2).padStart(6)} ${mbps(data.length, tc)}  ${mbps(data.length, td)}`);
}

for (const method of ['none', 'lz4', 'zstd'] as const) {
  let packed: Buffer = Buffer.alloc(0);
  const tc = await time(() => { packed = encodeNativeBlocks(data, { method }); });
  let plain: Buffer = Buffer.alloc(0);
  const td = await time(() => { plain = decodeNativeBlocks(packed); });
  const tn = await time(() => decodeNativeBlocks(packed, { disableChecksum: true }));
  if (!plain.equals(data)) throw new Error(`native ${method}: round trip mismatch`);
  console.log(
    `native ${method.padEnd(8)} ${(data.length / packed.length).toFixed(2).padStart(6)} ${mbps(data.length, tc)}  ${mbps(data.length, td)}` +
      `  (no checksum: ${mbps(data.length, tn).trim()})`,
  );
}

const th = await time(() => cityHash128(data));
console.log(`\ncityHash128 v1.0.2 alone: ${mbps(data.length, th).trim()} MB/s`);
