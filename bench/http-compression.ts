// The reference server's compression paths: a streamed SELECT compressed with
// each HTTP method (enable_http_compression + Accept-Encoding), compress=1
// native LZ4 blocks, and INSERT bodies sent gzip-encoded and as decompress=1
// native blocks (checksums verified, then with checksumming disabled).
// Numbers are printed, never asserted.
import { request, Agent } from 'undici';
import { compressBuffer } from '../lib/compression/http-codecs.ts';
import type { HttpCompressionMethod } from '../lib/compression/http-methods.ts';
import { encodeNativeBlocks } from '../lib/compression/native-blocks.ts';
import { rssMiB, startReferenceServer } from './reference-server.ts';

const server = await startReferenceServer();
const dispatcher = new Agent({ connections: 1 });
const q = (sql: string, extra = '') => `${server.url}/?query=${encodeURIComponent(sql)}${extra}`;

async function streamed(label: string, url: string, headers: Record<string, string>): Promise<void> {
  const rows = Number(process.env.BENCH_COMPRESSION_ROWS ?? 2_000_000);
  let peak = rssMiB(server.pid);
  const sampler = setInterval(() => { peak = Math.max(peak, rssMiB(server.pid)); }, 50);
  let wire = 0;
  const started = performance.now();
  const res = await request(url.replace('ROWS', String(rows)), { headers, dispatcher });
  for await (const chunk of res.body) wire += (chunk as Buffer).length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(`${label.padEnd(26)} ${(rows / seconds / 1e6).toFixed(2)} M rows/s, ${(wire / 2 ** 20).toFixed(1)} MiB on the wire, ` +
    `${res.headers['content-encoding'] ?? 'identity'}, server peak RSS ${peak.toFixed(0)} MiB`);
}

async function insert(label: string, extra: string, body: Buffer, headers: Record<string, string>, rows: number, table: string): Promise<void> {
  const t0 = performance.now();
  const r = await request(q(`INSERT INTO ${table} FORMAT TabSeparated`, extra), { method: 'POST', body, headers, dispatcher });
  const text = await r.body.text();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`${label.padEnd(34)} ${(rows / seconds / 1e6).toFixed(2)} M rows/s (${(body.length / 2 ** 20).toFixed(1)} MiB sent), ` +
    `status ${r.statusCode}${r.statusCode === 200 ? '' : ` ${text.slice(0, 120)}`}`);
}

try {
  const select = 'SELECT number, toString(number) FROM system.numbers LIMIT ROWS';
  await streamed('uncompressed', q(select), {});
  const methods: HttpCompressionMethod[] = ['gzip', 'deflate', 'br', 'zstd', 'lz4', 'xz', 'bz2'];
  for (const m of methods) {
    if ((m === 'xz' || m === 'bz2') && !process.env.BENCH_SLOW_CODECS) continue;
    await streamed(`Accept-Encoding ${m}`, q(select, '&enable_http_compression=1'), { 'accept-encoding': m });
  }
  await streamed('compress=1 (native LZ4)', q(select, '&compress=1'), {});

  const table = `bench_compressed_${process.pid}`;
  await (await request(server.url, { method: 'POST', body: `CREATE TABLE ${table} (a UInt64, s String) ENGINE = Memory`, dispatcher })).body.text();
  const rows = 500_000;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(`${i}\tvalue ${i}`);
  const tsv = Buffer.from(lines.join('\n') + '\n');
  await insert('INSERT plain', '', tsv, {}, rows, table);
  await insert('INSERT Content-Encoding gzip', '', await compressBuffer('gzip', tsv), { 'content-encoding': 'gzip' }, rows, table);
  await insert('INSERT Content-Encoding zstd', '', await compressBuffer('zstd', tsv), { 'content-encoding': 'zstd' }, rows, table);
  const native = encodeNativeBlocks(tsv);
  await insert('INSERT decompress=1', '&decompress=1', native, {}, rows, table);
  await insert('INSERT decompress=1, no checksum', '&decompress=1&http_native_compression_disable_checksumming_on_decompress=1',
    native, {}, rows, table);
  await (await request(server.url, { method: 'POST', body: `DROP TABLE ${table}`, dispatcher })).body.text();
} finally {
  await dispatcher.close();
  await server.stop();
}
