// Throughput of the reference ClickHouse server: a long streamed SELECT (with the
// server's peak memory, which must stay flat however long the result), many small
// queries on one keep-alive connection, and a large TabSeparated INSERT.
import { request, Agent } from 'undici';
import { rssMiB, startReferenceServer } from './reference-server.ts';

const server = await startReferenceServer();
const dispatcher = new Agent({ connections: 1 });
const q = (sql: string) => `${server.url}/?query=${encodeURIComponent(sql)}`;

try {
  const rows = Number(process.env.BENCH_ROWS ?? 20_000_000);
  const rssBefore = rssMiB(server.pid);
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMiB(server.pid)); }, 50);
  let bytes = 0;
  const started = performance.now();
  const res = await request(q(`SELECT number FROM system.numbers LIMIT ${rows}`), { dispatcher });
  for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(`stream ${rows} rows TSV: ${(rows / seconds / 1e6).toFixed(2)} M rows/s, ` +
    `${(bytes / seconds / 2 ** 20).toFixed(1)} MiB/s, server RSS ${rssBefore.toFixed(0)} → peak ${peak.toFixed(0)} MiB`);

  const small = 2000;
  const latencies: number[] = [];
  for (let i = 0; i < small; i++) {
    const t = performance.now();
    const r = await request(q('SELECT 1'), { dispatcher });
    await r.body.text();
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor(p * (latencies.length - 1))]!.toFixed(2);
  console.log(`${small} × SELECT 1 on one connection: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);

  const table = `bench_insert_${process.pid}`;
  await (await request(server.url, { method: 'POST', body: `CREATE TABLE ${table} (a UInt64, s String) ENGINE = Memory`, dispatcher })).body.text();
  const insertRows = 500_000;
  const lines: string[] = [];
  for (let i = 0; i < insertRows; i++) lines.push(`${i}\tvalue ${i}`);
  const payload = lines.join('\n') + '\n';
  const t0 = performance.now();
  const ins = await request(q(`INSERT INTO ${table} FORMAT TabSeparated`), { method: 'POST', body: payload, dispatcher });
  await ins.body.text();
  const insertSeconds = (performance.now() - t0) / 1000;
  console.log(`INSERT ${insertRows} rows TSV (${(payload.length / 2 ** 20).toFixed(1)} MiB): ` +
    `${(insertRows / insertSeconds / 1e6).toFixed(2)} M rows/s, status ${ins.statusCode}`);
  await (await request(server.url, { method: 'POST', body: `DROP TABLE ${table}`, dispatcher })).body.text();
} finally {
  await dispatcher.close();
  await server.stop();
}
