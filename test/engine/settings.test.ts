import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettingDefaults, Settings } from '../../reference/engine/settings.ts';

test('defaults are ClickHouse 26.7 defaults', () => {
  const s = new Settings();
  assert.equal(s.get('max_block_size'), 65409);
  assert.equal(s.get('max_query_size'), 262144);
  assert.equal(s.get('result_overflow_mode'), 'throw');
  assert.equal(s.get('output_format_json_quote_64bit_integers'), false);
  assert.equal(s.get('output_format_pretty_row_numbers'), true);
  assert.equal(s.get('http_write_exception_in_output_format'), false);
  assert.equal(s.get('async_insert'), true);
});

test('an older version replaces the defaults that differ', () => {
  const s = new Settings(parseSettingDefaults({ http_write_exception_in_output_format: '1', async_insert: '0' }));
  assert.equal(s.get('http_write_exception_in_output_format'), true);
  assert.equal(s.get('async_insert'), false);
  assert.ok(!s.changed('async_insert'));
});

test('set parses text to the setting type', () => {
  const s = new Settings();
  s.set('max_result_rows', '10');
  s.set('send_progress_in_http_headers', 'true');
  s.set('format_csv_delimiter', ';');
  s.set('max_execution_time', '1.5');
  assert.equal(s.get('max_result_rows'), 10);
  assert.equal(s.get('send_progress_in_http_headers'), true);
  assert.equal(s.get('format_csv_delimiter'), ';');
  assert.equal(s.get('max_execution_time'), 1.5);
  assert.ok(s.changed('max_result_rows'));
  assert.ok(!s.changed('max_threads'));
  assert.throws(() => s.set('nope', '1'), { code: 115, message: "Unknown setting 'nope'" });
  assert.throws(() => s.set('max_result_rows', 'abc'), { code: 27 });
  assert.throws(() => s.set('result_overflow_mode', 'nope'), { code: 36 });
});

test('readonly rules', () => {
  const ro1 = new Settings();
  ro1.set('readonly', '1');
  assert.throws(() => ro1.set('max_threads', '3'), { code: 164, message: "Cannot modify 'max_threads' setting in readonly mode" });
  assert.throws(() => ro1.set('readonly', '0'), { code: 164, message: "Cannot modify 'readonly' setting in readonly mode" });
  // The current value is no change: auto(2) is 2 (on the reference's two cores).
  ro1.set('max_threads', '2');
  ro1.set('max_result_rows', '0');
  const ro2 = new Settings();
  ro2.set('readonly', '2');
  ro2.set('max_threads', '2');
  assert.equal(ro2.get('max_threads'), 2);
  assert.throws(() => ro2.set('readonly', '1'), { code: 164 });
  const copy = ro2.clone();
  copy.setUnchecked('readonly', '0');
  assert.equal(ro2.get('readonly'), 2);
});

test('isCurrent: the value the setting has now, auto(N) being N', () => {
  const s = new Settings();
  assert.ok(s.isCurrent('max_result_rows', '0'));
  assert.ok(!s.isCurrent('max_result_rows', '7'));
  assert.ok(s.isCurrent('max_threads', '2'));
  assert.ok(s.isCurrent('max_threads', 'auto'));
  assert.ok(!s.isCurrent('max_threads', '3'));
  assert.throws(() => s.isCurrent('nope', '1'), { code: 115 });
});
