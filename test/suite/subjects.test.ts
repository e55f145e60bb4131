import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneConnectionAnswers } from '../../steps/support/one_connection.ts';
import { parseSubject, SUBJECT_PATTERN } from '../../steps/support/subjects.ts';
import type { OlapWorld } from '../../steps/support/world.ts';

function world(body: string, headers: Record<string, string> = {}): OlapWorld {
  return { response: { status: 200, headers, body: Buffer.from(body) }, outcomeChecked: false } as unknown as OlapWorld;
}

test('the parameter type takes every subject whole, without capture groups', () => {
  const whole = new RegExp(`^(?:${SUBJECT_PATTERN})$`);
  for (const text of ['the body', 'the last line of the body', 'the header "X-A"', 'the header "X-A" of answer 2',
    'the "read_rows" of the header "X-ClickHouse-Summary"', 'the JSON body\'s "rows"', 'the error message',
    'the body decompressed with snappy-framed', 'the query field', 'the parameter "user" of the page address']) {
    assert.ok(whole.test(text), text);
    assert.equal(parseSubject(text).name, text);
  }
  assert.equal(new RegExp(SUBJECT_PATTERN).exec('the header "X-A"')!.length, 1);
  assert.ok(!whole.test('the header X-A'));
  assert.throws(() => parseSubject('the moon'));
});

test('the last line of the body, with or without its line end', async () => {
  const last = parseSubject('the last line of the body');
  assert.equal(await last.read(world('a\nb\n')), 'b');
  assert.equal(await last.read(world('a\nb')), 'b');
});

test('a header the answer lacks is absent, a JSON value is text', async () => {
  assert.equal(await parseSubject('the header "X-A"').read(world('', { 'x-a': '1' })), '1');
  assert.equal(await parseSubject('the header "X-B"').read(world('', { 'x-a': '1' })), undefined);
  const summary = world('', { 'x-clickhouse-summary': '{"read_rows":"10","n":3}' });
  assert.equal(await parseSubject('the "read_rows" of the header "X-ClickHouse-Summary"').read(summary), '10');
  assert.equal(await parseSubject('the "n" of the header "X-ClickHouse-Summary"').read(summary), '3');
  assert.equal(await parseSubject('the "x" of the header "X-ClickHouse-Summary"').read(summary), undefined);
  assert.equal(await parseSubject('the JSON body\'s "data"').read(world('{"data":[1,"a"]}')), '[1,"a"]');
});

test('an error message is the same message with or without its final period, and counts as a look at the outcome', async () => {
  const message = parseSubject('the error message');
  const w = world('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 26.7.2.1)\n');
  assert.equal(await message.read(w), 'Empty query');
  assert.equal(message.same!('Empty query.'), message.same!('Empty query'));
  assert.equal(w.outcomeChecked, true);
  await assert.rejects(message.read(world('1\n')), /not a ClickHouse error/);
});

test('the headers of an answer on one connection', async () => {
  const w = world('');
  oneConnectionAnswers.set(w, [{ status: 200, statusLine: 'HTTP/1.1 200 OK', headerLines: [], headers: { 'keep-alive': 'timeout=7' }, body: Buffer.alloc(0) }]);
  assert.equal(await parseSubject('the header "Keep-Alive" of answer 1').read(w), 'timeout=7');
  await assert.rejects(parseSubject('the header "Keep-Alive" of answer 2').read(w), /there is no answer 2/);
});
