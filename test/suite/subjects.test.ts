import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneConnectionAnswers } from '../../steps/support/one_connection.ts';
import { parseSubject, SUBJECT_PATTERN } from '../../steps/support/subjects.ts';
import type { OlapWorld } from '../../steps/support/world.ts';

function world(body: string, headers: Record<string, string> = {}): OlapWorld {
  return { response: { status: 200, headers, body: Buffer.from(body) }, outcomeChecked: false, resolve: (text: string) => text } as unknown as OlapWorld;
}

test('the parameter type takes every subject whole, without capture groups', () => {
  const whole = new RegExp(`^(?:${SUBJECT_PATTERN})$`);
  for (const text of ['the body', 'the last line of the body', 'the header "X-A"', 'the header "X-A" of answer 2',
    'the "read_rows" of the header "X-ClickHouse-Summary"', 'the JSON field "a.b"', 'the error message', 'the keys of the JSON body', 'the set of keys of the JSON field "x"',
    'the keys of every item of the JSON field "x"', 'the "tags.metric" of every item of the JSON body', 'column 2 of the MySQL query "SHOW BACKENDS"',
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
});

test('a JSON field is text as a table cell shows it; keys come in order, or as a set', async () => {
  const w = world('{"data":[1,"a"],"s":"x","o":{"b":1,"a":2},"items":[{"m":"p"},{"n":1},{"m":2}]}');
  assert.equal(await parseSubject('the JSON field "data"').read(w), '[1,"a"]');
  assert.equal(await parseSubject('the JSON field "s"').read(w), 'x');
  assert.equal(await parseSubject('the JSON field "o.a"').read(w), '2');
  assert.equal(await parseSubject('the JSON field "nope"').read(w), undefined);
  assert.equal(await parseSubject('the keys of the JSON field "o"').read(w), 'b, a');
  const set = parseSubject('the set of keys of the JSON field "o"');
  assert.equal(set.same!(await set.read(w) ?? ''), set.same!('a, b'));
  assert.equal(await parseSubject('the "m" of every item of the JSON field "items"'.replace('the JSON field "items"', 'the JSON body')).read(
    world('[{"m":"p"},{"n":1},{"m":2}]')), 'p\n2\n');
  assert.equal(await parseSubject('the keys of every item of the JSON field "items"').read(w), '[m] [n]');
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
