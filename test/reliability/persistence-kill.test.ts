// `olapspec serve --data-dir` killed with SIGKILL in the middle of inserts:
// after a restart every acknowledged insert is there, whole, and nothing
// else but possibly the one insert that was in flight, also whole. One
// client per product inserts batches of 1..8 rows tagged with a batch id
// (ClickHouse over HTTP; StarRocks by Stream Load), one at a time; the kill
// comes at a seeded random moment (OLAPSPEC_SEED replays one), twice in a
// row on the same directory, so the restart after a kill is tested too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { ch, startServe, streamLoad } from './persistence/serve-process.ts';
import type { ServeProcess } from './persistence/serve-process.ts';

const SEED = Number(process.env.OLAPSPEC_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const batchSize = (batch: number): number => 1 + (batch * 7919) % 8;

interface Ledger {
  acked: Set<number>;
  /** The batch sent and not yet answered when the server died. */
  inFlight: number | undefined;
}

/**
 * Insert batches one after another until a request fails (the server died);
 * never throws. `started` resolves at the first acknowledgement (or the end).
 */
function insertLoop(send: (batch: number, rows: number) => Promise<void>, first: number, ledger: Ledger): { started: Promise<void>; done: Promise<void> } {
  let acknowledged!: () => void;
  const started = new Promise<void>((r) => { acknowledged = r; });
  const done = (async () => {
    for (let batch = first; ; batch++) {
      ledger.inFlight = batch;
      try {
        await send(batch, batchSize(batch));
      } catch {
        acknowledged();
        return;
      }
      ledger.acked.add(batch);
      ledger.inFlight = undefined;
      acknowledged();
    }
  })();
  return { started, done };
}

const clickhouseInsert = (s: ServeProcess) => async (batch: number, rows: number): Promise<void> => {
  const values = Array.from({ length: rows }, (_, i) => `(${batch}, ${i}, '${'x'.repeat(i * 10)}')`).join(', ');
  await ch(s.clickhouse, `INSERT INTO default.k VALUES ${values}`);
};

const starrocksInsert = (s: ServeProcess) => async (batch: number, rows: number): Promise<void> => {
  const body = Array.from({ length: rows }, (_, i) => `${batch}\t${i}\t${'y'.repeat(i * 10)}\n`).join('');
  const r = await streamLoad(s.be, 'kdb', 'k', body, { label: `kill_${batch}` });
  if (r.Status !== 'Success') throw new Error(JSON.stringify(r));
};

/** Batches stored and their row counts; a batch's rows must be 0..n-1 exactly. */
function check(name: string, rows: [number, number, number][], ledger: Ledger): void {
  const seen = new Map<number, number>();
  for (const [batch, count, maxRow] of rows) {
    assert.equal(count, batchSize(batch), `${name}: batch ${batch} is whole (seed ${SEED})`);
    assert.equal(maxRow, count - 1, `${name}: batch ${batch} holds rows 0..${count - 1} (seed ${SEED})`);
    seen.set(batch, count);
  }
  for (const b of ledger.acked) assert.ok(seen.has(b), `${name}: acknowledged batch ${b} is stored (seed ${SEED})`);
  for (const b of seen.keys()) assert.ok(ledger.acked.has(b) || b === ledger.inFlight, `${name}: batch ${b} was acknowledged or in flight (seed ${SEED})`);
}

async function stored(s: ServeProcess): Promise<{ ch: [number, number, number][]; sr: [number, number, number][] }> {
  const text = await ch(s.clickhouse, 'SELECT batch, count(), max(row) FROM default.k GROUP BY batch ORDER BY batch FORMAT JSONCompact');
  const chRows = (JSON.parse(text) as { data: [number, string, number][] }).data.map(([b, c, m]) => [Number(b), Number(c), Number(m)] as [number, number, number]);
  const c = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
  try {
    const [r] = await c.query('SELECT batch, count(*) AS c, max(`row`) AS m FROM kdb.k GROUP BY batch ORDER BY batch') as unknown as [{ batch: number; c: number | string; m: number }[]];
    return { ch: chRows, sr: r.map((x) => [Number(x.batch), Number(x.c), Number(x.m)]) };
  } finally {
    await c.end();
  }
}

test(`serve --data-dir killed with SIGKILL mid-insert keeps every acknowledged insert and no partial one (seed ${SEED})`, { timeout: 60_000 }, async (t) => {
  const rnd = random(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-kill-'));
  let s = await startServe(dir);
  const chLedger: Ledger = { acked: new Set(), inFlight: undefined };
  const srLedger: Ledger = { acked: new Set(), inFlight: undefined };
  try {
    await ch(s.clickhouse, 'CREATE TABLE default.k (batch UInt32, row UInt32, pad String) ENGINE = MergeTree ORDER BY (batch, row)');
    const c = await mysql.createConnection({ host: s.mysql.host, port: s.mysql.port, user: 'root', password: '' });
    await c.query('CREATE DATABASE kdb');
    await c.query('CREATE TABLE kdb.k (batch INT NOT NULL, `row` INT NOT NULL, pad VARCHAR(100)) DUPLICATE KEY(batch) DISTRIBUTED BY HASH(batch) BUCKETS 1 PROPERTIES ("replication_num" = "1")');
    await c.end();
    let next = 1;
    for (let round = 0; round < 2; round++) {
      const loops = [insertLoop(clickhouseInsert(s), next, chLedger), insertLoop(starrocksInsert(s), next, srLedger)];
      // The kill comes at a random moment once both clients are under way (a busy machine starts slowly).
      await Promise.all(loops.map((l) => l.started));
      await new Promise((r) => setTimeout(r, 100 + Math.floor(rnd() * 1500)));
      await s.stop('SIGKILL');
      await Promise.all(loops.map((l) => l.done));
      assert.ok(chLedger.acked.size > 0 && srLedger.acked.size > 0, `inserts were acknowledged before the kill (seed ${SEED})`);
      s = await startServe(dir);
      const after = await stored(s);
      check('ClickHouse', after.ch, chLedger);
      check('StarRocks', after.sr, srLedger);
      t.diagnostic(`round ${round}: ClickHouse ${chLedger.acked.size} batches acknowledged, ${after.ch.length} stored; StarRocks ${srLedger.acked.size}, ${after.sr.length}`);
      // StarRocks' exactly-once: the in-flight load retried with its label is refused if (and only if) its rows are there.
      if (srLedger.inFlight !== undefined) {
        const b = srLedger.inFlight;
        const landed = after.sr.some(([x]) => x === b);
        const body = Array.from({ length: batchSize(b) }, (_, i) => `${b}\t${i}\t${'y'.repeat(i * 10)}\n`).join('');
        const retry = await streamLoad(s.be, 'kdb', 'k', body, { label: `kill_${b}` });
        t.diagnostic(`round ${round}: StarRocks batch ${b} was in flight, ${landed ? 'stored' : 'not stored'}; its retry: ${String(retry.Status)}`);
        assert.equal(retry.Status, landed ? 'Label Already Exists' : 'Success', `StarRocks: retrying batch ${b} (${landed ? 'stored' : 'not stored'}): ${JSON.stringify(retry)} (seed ${SEED})`);
        srLedger.acked.add(b);
        srLedger.inFlight = undefined;
      }
      // A retry of any acknowledged load is refused too, after the restart.
      const old = Math.min(...srLedger.acked);
      const again = await streamLoad(s.be, 'kdb', 'k', '1\t0\t\n', { label: `kill_${old}` });
      assert.equal(again.Status, 'Label Already Exists', `StarRocks: label kill_${old} is remembered: ${JSON.stringify(again)} (seed ${SEED})`);
      // The in-flight ClickHouse batch may or may not have landed; forget it either way (its id is not reused).
      next = Math.max(...chLedger.acked, ...srLedger.acked, chLedger.inFlight ?? 0, srLedger.inFlight ?? 0) + 1;
      for (const [l, rows] of [[chLedger, after.ch], [srLedger, after.sr]] as const) {
        if (l.inFlight !== undefined && rows.some(([b]) => b === l.inFlight)) l.acked.add(l.inFlight);
        l.inFlight = undefined;
      }
    }
  } finally {
    await s.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
