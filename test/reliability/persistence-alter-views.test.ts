// `olapspec serve --data-dir`: what ALTER TABLE changed (columns and mutated
// rows) and the views created are there again after a restart, and a
// materialized view keeps turning inserts into rows of its target.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ch, startServe } from './persistence/serve-process.ts';

test('serve --data-dir: ALTERed tables and views survive a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-persist-alter-'));
  let s = await startServe(dir);
  try {
    const q = (sql: string): Promise<string> => ch(s.clickhouse, sql);
    await q('CREATE TABLE m (a UInt32, b String) ENGINE = MergeTree ORDER BY a');
    await q("INSERT INTO m VALUES (1, 'x'), (2, 'y'), (3, 'z')");
    await q("ALTER TABLE m ADD COLUMN c UInt8 DEFAULT a * 2 AFTER a, RENAME COLUMN b TO bb, DELETE WHERE a = 2");
    await q("ALTER TABLE m UPDATE bb = concat(bb, '!') WHERE a = 3");
    await q('CREATE TABLE tgt (a UInt32, n UInt64) ENGINE = MergeTree ORDER BY a');
    await q('CREATE MATERIALIZED VIEW mv TO tgt AS SELECT a, count() AS n FROM m GROUP BY a');
    await q('CREATE VIEW v AS SELECT a, upper(bb) AS u FROM m WHERE c > 2');
    const read = async (): Promise<string[]> => [
      await q('SELECT * FROM m ORDER BY a FORMAT TSVWithNamesAndTypes'),
      await q('SELECT * FROM v ORDER BY a FORMAT TSVWithNamesAndTypes'),
      await q('SHOW CREATE VIEW v'),
    ];
    const before = await read();
    assert.equal(before[0], 'a\tc\tbb\nUInt32\tUInt8\tString\n1\t2\tx\n3\t6\tz!\n');
    await s.stop('SIGTERM');
    s = await startServe(dir);
    assert.deepEqual(await read(), before);
    await q("INSERT INTO m (a, bb) VALUES (7, 'q')");
    assert.equal(await q('SELECT * FROM tgt ORDER BY a FORMAT TSV'), '7\t1\n');
  } finally {
    await s.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
