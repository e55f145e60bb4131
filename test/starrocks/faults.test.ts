// --faults on the StarRocks FE and BE, over real sockets (undici): a load's
// reply that comes late, one cut off after N bytes, and one that never comes
// although the load was done, which the same label's retry then reports
// instead of loading twice. Other routes, and servers without --faults, are
// untouched. Timings are asserted from below only.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { FastifyInstance } from 'fastify';
import { Cluster } from '../../reference/starrocks/cluster/cluster.ts';
import { buildBeServer } from '../../reference/starrocks/be/server.ts';
import { buildFeServer } from '../../reference/starrocks/fe/server.ts';
import { FaultInjector } from '../../reference/http/faults/injector.ts';
import { parseFaultOption } from '../../reference/http/faults/spec.ts';
import { ROOT, createTable, rows } from './helpers.ts';

const TIMER_SLACK_MS = 1;
const apps: FastifyInstance[] = [];
const agent = new Agent({ keepAliveTimeout: 1000 });

async function listen(app: FastifyInstance): Promise<number> {
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

async function startCluster(faults?: string): Promise<{ cluster: Cluster; fe: string; be: string }> {
  const cluster = new Cluster({ host: '127.0.0.1' });
  const opts = faults !== undefined ? { faults: new FaultInjector(parseFaultOption(faults)) } : {};
  const bePort = await listen(buildBeServer({ cluster, ...opts }));
  cluster.listening({ beHttp: bePort });
  const fePort = await listen(buildFeServer({ cluster, ...opts }));
  cluster.listening({ feHttp: fePort });
  await createTable(cluster, 'CREATE TABLE d.t (k INT, v VARCHAR(10)) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1');
  return { cluster, fe: `http://127.0.0.1:${fePort}`, be: `http://127.0.0.1:${bePort}` };
}

let on: Awaited<ReturnType<typeof startCluster>>;
let plain: Awaited<ReturnType<typeof startCluster>>;

before(async () => {
  on = await startCluster('on');
  plain = await startCluster();
});
after(async () => {
  await agent.close();
  for (const a of apps.reverse()) await a.close();
});

function load(base: string, label: string, fault?: string) {
  return request(`${base}/api/d/t/_stream_load`, {
    method: 'PUT', dispatcher: agent, body: '1,a\n2,b\n',
    headers: { authorization: ROOT, column_separator: ',', label, ...(fault !== undefined ? { 'x-olapspec-fault': fault } : {}) },
  });
}

test('drop-after-bytes=0 on the BE: no reply, the rows are loaded, and the same label\'s retry says so', async () => {
  await assert.rejects(load(on.be, 'once', 'drop-after-bytes=0'), (e: Error & { code?: string }) => e.code === 'UND_ERR_SOCKET');
  assert.deepEqual(await rows(on.cluster, 'SELECT count(*) FROM d.t'), [[2n]]);
  const retry = await load(on.be, 'once');
  const reply = (await retry.body.json()) as { Status: string; ExistingJobStatus?: string };
  assert.equal(reply.Status, 'Label Already Exists');
  assert.equal(reply.ExistingJobStatus, 'FINISHED');
  assert.deepEqual(await rows(on.cluster, 'SELECT count(*) FROM d.t'), [[2n]]);
});

test('drop-after-bytes=N on the BE: the status and N bytes of the JSON arrive, then the connection closes', async () => {
  const res = await load(on.be, 'cut', 'drop-after-bytes=20');
  assert.equal(res.statusCode, 200);
  const chunks: Buffer[] = [];
  await assert.rejects((async () => { for await (const c of res.body) chunks.push(c as Buffer); })());
  const got = Buffer.concat(chunks).toString();
  assert.equal(got.length, 20);
  assert.ok(Number(res.headers['content-length']) > 20);
});

/** The FE wants Expect: 100-continue, which undici does not send: node:http asks as curl does. */
function feLoad(base: string, fault: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/api/d/t/_stream_load`, {
      method: 'PUT', agent: false,
      headers: { authorization: ROOT, expect: '100-continue', 'content-length': '0', label: 'late', 'x-olapspec-fault': fault },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('delay on the FE: its 307 to the BE comes no sooner than the delay', async () => {
  const t0 = performance.now();
  const status = await feLoad(on.fe, 'delay=250ms');
  const took = performance.now() - t0;
  assert.equal(status, 307);
  assert.ok(took >= 250 - TIMER_SLACK_MS, `${took} ms`);
});

test('routes other than loads get no faults, even from a server-wide --faults', async () => {
  const s = await startCluster('drop-after-bytes=0');
  const res = await request(`${s.be}/api/health`, { dispatcher: agent });
  assert.equal(res.statusCode, 200);
  assert.match(await res.body.text(), /"status": ?"OK"/);
  await assert.rejects(load(s.be, 'x'), (e: Error & { code?: string }) => e.code === 'UND_ERR_SOCKET');
});

test('a bad header is refused with 400 on a server with --faults, and ignored on one without', async () => {
  const bad = await load(on.be, 'bad', 'drop=yes');
  assert.equal(bad.statusCode, 400);
  assert.match(await bad.body.text(), /^Invalid X-Olapspec-Fault header: unknown fault 'drop'/);
  const ignored = await load(plain.be, 'ignored', 'drop-after-bytes=0');
  assert.equal(ignored.statusCode, 200);
  assert.equal(((await ignored.body.json()) as { Status: string }).Status, 'Success');
});
