import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Settings } from '../../reference/engine/settings.ts';
import { T, arrayOf, nullable } from '../../reference/engine/types.ts';
import type { ColumnDef } from '../../reference/engine/api.ts';
import { outputFormat } from '../../reference/clickhouse/formats/index.ts';

const ctx = { settings: new Settings(), timezone: 'UTC' };
const cols: ColumnDef[] = [{ name: 'n', type: T.UInt64 }, { name: 'a/s', type: nullable(T.String) }, { name: 'arr', type: arrayOf(T.String) }];
const rows: unknown[][] = [[1n, 'x"y', ['a', 'b']], [2n, null, []]];

function render(format: string, stats: { rowsRead: number; bytesRead: number; rowsBeforeLimit?: number }): string {
  const out = outputFormat(format).create(cols, ctx);
  // As the server calls it: the progress so far ahead of the first block (and its prefix).
  const progress = out.progress!({ elapsedSeconds: 0.000002, ...stats });
  return progress + out.prefix() + out.block(rows) + out.suffix({ elapsedSeconds: 0.000002, ...stats });
}

test('JSONStringsEachRowWithProgress: progress first, meta, rows of texts (NULL as ᴺᵁᴸᴸ), rows_before_limit_at_least', () => {
  assert.equal(render('JSONStringsEachRowWithProgress', { rowsRead: 2, bytesRead: 16, rowsBeforeLimit: 5 }), [
    '{"progress":{"read_rows":"2","read_bytes":"16","elapsed_ns":"2000"}}',
    '{"meta":[{"name":"n","type":"UInt64"},{"name":"a\\/s","type":"Nullable(String)"},{"name":"arr","type":"Array(String)"}]}',
    '{"row":{"n":"1","a\\/s":"x\\"y","arr":"[\'a\',\'b\']"}}',
    '{"row":{"n":"2","a\\/s":"ᴺᵁᴸᴸ","arr":"[]"}}',
    '{"rows_before_limit_at_least":5}',
    '',
  ].join('\n'));
});

test('JSONEachRowWithProgress writes JSON values; no progress line when nothing was read', () => {
  assert.equal(render('JSONEachRowWithProgress', { rowsRead: 0, bytesRead: 0 }), [
    '{"meta":[{"name":"n","type":"UInt64"},{"name":"a\\/s","type":"Nullable(String)"},{"name":"arr","type":"Array(String)"}]}',
    '{"row":{"n":1,"a\\/s":"x\\"y","arr":["a","b"]}}',
    '{"row":{"n":2,"a\\/s":null,"arr":[]}}',
    '',
  ].join('\n'));
  assert.equal(outputFormat('JSONEachRowWithProgress').create(cols, ctx).exceptionSuffix!('Code: 1. x'), '{"exception":"Code: 1. x"}\n');
  assert.equal(outputFormat('JSONEachRowWithProgress').contentType(ctx.settings), 'application/json; charset=UTF-8');
});
