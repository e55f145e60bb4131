import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSON_KIND_PATTERN, JSON_NODE_PATTERN, parseJsonKind, parseJsonNode } from '../../steps/support/json_checks.ts';
import type { OlapWorld } from '../../steps/support/world.ts';

function world(body: string): OlapWorld {
  return { response: { status: 200, headers: {}, body: Buffer.from(body) }, outcomeChecked: false, resolve: (text: string) => text } as unknown as OlapWorld;
}

async function holds(node: string, kind: string, body: string): Promise<boolean> {
  const w = world(body);
  try {
    for (const [name, value] of parseJsonNode(node)(w)) await parseJsonKind(kind)(w, name, value);
    return true;
  } catch {
    return false;
  }
}

test('the parameter types take every node and kind whole, without capture groups', () => {
  const nodes = new RegExp(`^(?:${JSON_NODE_PATTERN})$`);
  const kinds = new RegExp(`^(?:${JSON_KIND_PATTERN})$`);
  for (const text of ['the JSON body', 'the JSON field "a.b"', 'every JSON field']) assert.ok(nodes.test(text), text);
  for (const text of ['a string', 'a decimal string', 'a number', 'the number -3', 'an object', 'an empty object', 'an empty array',
    'an array of 3 items', 'base64 text', 'the length of the JSON field "x"', 'the number of BEs of the cluster']) assert.ok(kinds.test(text), text);
  assert.equal(new RegExp(JSON_KIND_PATTERN).exec('an array of 3 items')!.length, 1);
  assert.throws(() => parseJsonKind('a moon'));
});

test('a kind checks the JSON type, not only the text', async () => {
  assert.equal(await holds('the JSON field "n"', 'the number 5', '{"n":5}'), true);
  assert.equal(await holds('the JSON field "n"', 'the number 5', '{"n":"5"}'), false);
  assert.equal(await holds('the JSON field "n"', 'a string', '{"n":"true"}'), true);
  assert.equal(await holds('the JSON field "n"', 'a string', '{"n":true}'), false);
  assert.equal(await holds('the JSON field "a"', 'an array of 2 items', '{"a":[1,2]}'), true);
  assert.equal(await holds('the JSON field "a"', 'an empty array', '{"a":{}}'), false);
  assert.equal(await holds('the JSON field "c"', 'the length of the JSON field "a"', '{"a":[1,2],"c":2}'), true);
  assert.equal(await holds('the JSON body', 'an object', '[1]'), false);
  assert.equal(await holds('every JSON field', 'a decimal string', '{"a":"1","b":"22"}'), true);
  assert.equal(await holds('every JSON field', 'a decimal string', '{"a":"1","b":2}'), false);
  assert.equal(await holds('the JSON field "missing"', 'a string', '{}'), false);
});

test('looking at the status field counts as looking at the outcome', () => {
  const w = world('{"status":"OK"}');
  parseJsonNode('the JSON field "status"')(w);
  assert.equal(w.outcomeChecked, true);
  const other = world('{"a":"OK"}');
  parseJsonNode('the JSON field "a"')(other);
  assert.equal(other.outcomeChecked, false);
});
