import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { findLibChdb, startClickHouseChdb } from '../../steps/targets/clickhouse_chdb.ts';
import { reviveDead } from '../../steps/targets/started_targets.ts';
import { startTarget } from '../../steps/targets/start_target.ts';

const missing = (await findLibChdb()).why;

test('without libchdb the target says why in one line', async () => {
  await assert.rejects(startClickHouseChdb('/nonexistent/libchdb.so'), /^Error: clickhouse-chdb: no readable libchdb.so at \/nonexistent\/libchdb.so$/);
});

test('the library-hosted server: its death is noticed, reported and undone', { skip: missing, timeout: 120_000 }, async () => {
  const target = await startTarget('clickhouse-chdb');
  try {
    assert.equal(target.death?.(), undefined);
    const version = await (await fetch(`${target.url}/?query=SELECT%20version()`)).text();
    assert.match(version, /^26\.7\./);
    // A client that hangs up inside the request head makes the library abort.
    const port = Number(new URL(target.url).port);
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /?query=SELECT%201 HTTP/1.1\r\nHo');
        setTimeout(() => { socket.destroy(); resolve(); }, 200);
      });
    });
    for (let i = 0; i < 50 && target.death?.() === undefined; i++) await sleep(100);
    assert.match(target.death?.() ?? '', /died \(abort, exit 134\)/);
    const deaths = await reviveDead();
    assert.equal(deaths.length, 1);
    assert.match(deaths[0]!, /^clickhouse-chdb: the library-hosted ClickHouse died \(abort, exit 134\); started again$/);
    assert.equal(target.death?.(), undefined);
    assert.equal(await (await fetch(`${target.url}/ping`)).text(), 'Ok.\n');
  } finally {
    await target.stop();
  }
});
