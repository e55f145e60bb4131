// Checks on StarRocks answers that text checks (text_steps.ts) cannot say in
// one line: the FE's v1 envelope, a JSON answer field by field, one object of
// a JSON array, and the file list of a log header.

import { Then, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { showBytes } from '../support/escapes.ts';
import { isLike } from '../support/expected_text.ts';
import { arrayOf, at, listOf, objectOf, shown } from '../support/json_path.ts';
import { placeholdersOf } from '../support/placeholders.ts';
import type { OlapWorld } from '../support/world.ts';

// Gson, as the FE uses it, escapes the HTML-sensitive characters of strings.
const GSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '=': '\\u003d', "'": '\\u0027' };
const gson = (value: unknown) => JSON.stringify(value).replace(/[<>&=']/g, (ch) => GSON_ESCAPES[ch]!);

// The FE's v1 envelope (RestBaseResult): code is a string, msg and message say the same. The
// message is a template (expected_text.ts), written as the FE means it; Gson's escapes are applied here.
Then('the FE answers {int} with the FAILED envelope {string}', async function (this: OlapWorld, status: number, message: string) {
  this.outcomeChecked = true;
  const body = this.response.body.toString('utf8');
  expect(this.response.status, `status (body: ${body.slice(0, 300)})`).to.equal(status);
  const template = this.resolve(gson({ status: 'FAILED', code: '1', msg: message, message }));
  expect(await isLike(body, template, placeholdersOf(this)), `body ${showBytes(body)} is not like ${showBytes(template)}`).to.equal(true);
});

// | path | template |: each field of the JSON answer, as a cell shows it (strings bare, others as JSON).
Then('the JSON answer has:', async function (this: OlapWorld, table: DataTable) {
  const object = objectOf(this);
  for (const [path, expected] of table.raw() as [string, string][]) {
    if (/^status$/i.test(path)) this.outcomeChecked = true;
    const actual = shown(at(object, path));
    const template = this.resolve(expected ?? '');
    expect(await isLike(actual, template, placeholdersOf(this)), `${path}: ${JSON.stringify(actual)} does not match ${JSON.stringify(template)}`)
      .to.equal(true);
  }
});

// "one of which has": the found object is kept for the "that object" steps after it.
const picked = new WeakMap<OlapWorld, Record<string, unknown>>();

Then('the body is a JSON array of objects, one of which has {string} = {string}', function (this: OlapWorld, key: string, value: string) {
  const items = arrayOf(this);
  for (const item of items) expect(item, 'item').to.be.an('object');
  const wanted = this.resolve(value);
  const found = items.find((item) => (item as Record<string, unknown>)[key] === wanted);
  expect(found, `an object with ${key} = ${wanted} among ${items.length}`).not.to.equal(undefined);
  picked.set(this, found as Record<string, unknown>);
});

function pickedObject(world: OlapWorld): Record<string, unknown> {
  const object = picked.get(world);
  if (!object) throw new Error('no object was picked by an earlier "one of which has" step');
  return object;
}

// Gson leaves out null fields; the keys that are there keep the declaration order.
Then('that object lists its keys in the order {string}', function (this: OlapWorld, order: string) {
  const wanted = listOf(order);
  const present = Object.keys(pickedObject(this)).filter((key) => wanted.includes(key));
  expect(present, 'keys in declaration order').to.deep.equal(wanted.filter((key) => present.includes(key)));
});

Then('that object has {string} = {string}', function (this: OlapWorld, key: string, value: string) {
  expect(pickedObject(this)[key], key).to.equal(this.resolve(value));
});

Then('the header {string} is a JSON object of file names starting with {string} and sizes', function (this: OlapWorld, name: string, prefix: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string');
  const files = JSON.parse(value!) as Record<string, unknown>;
  expect(Object.keys(files).length, 'number of files').not.to.equal(0);
  for (const [file, size] of Object.entries(files)) {
    expect(file.startsWith(prefix), `file ${file}`).to.equal(true);
    expect(size, `size of ${file}`).to.be.a('number');
  }
});
