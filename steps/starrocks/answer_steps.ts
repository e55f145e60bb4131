// Checks on StarRocks answers: the FE's v1 envelope, whole bodies written out
// with placeholders (support/template.ts), JSON fields and their order, text lines.

import { Then, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import { gunzipSync } from 'node:zlib';
import { showBytes, unescapeText } from '../support/escapes.ts';
import type { OlapWorld } from '../support/world.ts';
import { arrayOf, at, jsonOf, listOf, objectOf, shown } from './support/json_path.ts';
import { nodeUrls } from './support/nodes.ts';
import { starrocks } from './support/session.ts';
import { compileTemplate, fitsTemplate } from './support/template.ts';

function body(world: OlapWorld): string {
  return world.response.body.toString('utf8');
}

async function expectTemplate(world: OlapWorld, template: string, what = 'body'): Promise<void> {
  const actual = body(world);
  const fits = await fitsTemplate(starrocks(world), template, actual);
  expect(fits, `${what} ${showBytes(actual)} does not match ${showBytes(world.resolve(template))}`).to.equal(true);
}

function expectStatus(world: OlapWorld, status: number): void {
  world.outcomeChecked = true;
  expect(world.response.status, `status (body: ${body(world).slice(0, 300)})`).to.equal(status);
}

// Gson, as the FE uses it, escapes the HTML-sensitive characters of strings.
const GSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '=': '\\u003d', "'": '\\u0027' };
const gson = (value: unknown) => JSON.stringify(value).replace(/[<>&=']/g, (ch) => GSON_ESCAPES[ch]!);

const envelope = (message: string) => gson({ status: 'FAILED', code: '1', msg: message, message });

// --- The FE's v1 envelope (RestBaseResult): code is a string, msg and message say the same ---

Then('the FE answers {int} with the OK envelope', function (this: OlapWorld, status: number) {
  expectStatus(this, status);
  expect(body(this)).to.equal('{"status":"OK","code":"0","msg":"Success","message":"OK"}');
});

Then('the FE answers {int} with the FAILED envelope {string}', function (this: OlapWorld, status: number, message: string) {
  expectStatus(this, status);
  expect(body(this)).to.equal(envelope(this.resolve(message)));
});

// The message is a template ({any}, names), written as the FE means it; Gson's escapes are applied here.
Then('the FE answers {int} with the FAILED envelope for the template {string}', async function (this: OlapWorld, status: number, message: string) {
  expectStatus(this, status);
  await expectTemplate(this, envelope(message));
});

Then('the status is not {int}', function (this: OlapWorld, status: number) {
  this.outcomeChecked = true;
  expect(this.response.status, `status (body: ${body(this).slice(0, 300)})`).not.to.equal(status);
});

// --- Whole bodies ---

Then('the body matches the template:', async function (this: OlapWorld, template: string) {
  this.outcomeChecked = true;
  await expectTemplate(this, template);
});

Then('the body matches the template {string}', async function (this: OlapWorld, template: string) {
  this.outcomeChecked = true;
  await expectTemplate(this, unescapeText(template));
});

Then('the stream load answer is:', async function (this: OlapWorld, template: string) {
  expectStatus(this, 200);
  await expectTemplate(this, template, 'stream load answer');
});

Then('the body is the text:', function (this: OlapWorld, text: string) {
  this.outcomeChecked = true;
  expect(body(this), 'body').to.equal(this.resolve(text));
});

Then('the body matches {string}', function (this: OlapWorld, pattern: string) {
  expect(body(this)).to.match(new RegExp(this.resolve(pattern)));
});

Then('the body is not empty', function (this: OlapWorld) {
  expect(this.response.body.length, 'body length').not.to.equal(0);
});

Then('the body is a single word', function (this: OlapWorld) {
  expect(body(this)).to.match(/^[^\s\0]+\n?$/);
});

// --- Lines ---

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

Then('the body has a line {string}', function (this: OlapWorld, line: string) {
  expect(lines(body(this)), 'lines of the body').to.include(this.resolve(unescapeText(line)));
});

Then('the body has a line matching {string}', function (this: OlapWorld, pattern: string) {
  const regex = new RegExp(pattern);
  expect(lines(body(this)).some((line) => regex.test(line)), `no line matches ${pattern}`).to.equal(true);
});

Then('the body has no line matching {string}', function (this: OlapWorld, pattern: string) {
  const regex = new RegExp(pattern);
  expect(lines(body(this)).filter((line) => regex.test(line)), `lines matching ${pattern}`).to.deep.equal([]);
});

Then('every line of the body matches {string}', function (this: OlapWorld, pattern: string) {
  const regex = new RegExp(this.resolve(pattern));
  const all = lines(body(this));
  expect(all.length, 'number of lines').not.to.equal(0);
  expect(all.filter((line) => !regex.test(line)), `lines not matching ${pattern}`).to.deep.equal([]);
});

Then('the body, gunzipped, has a line matching {string}', function (this: OlapWorld, pattern: string) {
  const text = gunzipSync(this.response.body).toString('utf8');
  const regex = new RegExp(pattern);
  expect(lines(text).some((line) => regex.test(line)), `no line matches ${pattern}`).to.equal(true);
});

// --- Headers ---

Then('the header {string} is {string} for a BE of the cluster', async function (this: OlapWorld, name: string, template: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string');
  const { regex } = await compileTemplate(starrocks(this), template);
  expect(regex.test(value!), `header ${name}: ${value} does not match ${template} (BEs: ${(await nodeUrls(starrocks(this).info, 'BE')).join(', ')})`).to.equal(true);
});

Then('the header {string} is the length of the body', function (this: OlapWorld, name: string) {
  expect(this.response.headers[name.toLowerCase()], `header ${name}`).to.equal(String(this.response.body.length));
});

Then('the header {string} is a number greater than {string}', function (this: OlapWorld, name: string, than: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.match(/^\d+$/);
  expect(BigInt(value!) > BigInt(this.resolve(than)), `${name} ${value} > ${this.resolve(than)}`).to.equal(true);
});

Then('the header {string} is a JSON object of file names starting with {string} and sizes',
  function (this: OlapWorld, name: string, prefix: string) {
    const value = this.response.headers[name.toLowerCase()];
    expect(value, `header ${name}`).to.be.a('string');
    const files = JSON.parse(value!) as Record<string, unknown>;
    expect(Object.keys(files).length, 'number of files').not.to.equal(0);
    for (const [file, size] of Object.entries(files)) {
      expect(file.startsWith(prefix), `file ${file}`).to.equal(true);
      expect(size, `size of ${file}`).to.be.a('number');
    }
  });

// --- JSON ---

Then('the body is a JSON object', function (this: OlapWorld) {
  objectOf(this);
});

Then('the body is a JSON object with the keys {string} among others', function (this: OlapWorld, keys: string) {
  const object = objectOf(this);
  for (const key of listOf(keys)) expect(object, 'JSON object').to.have.property(key);
});

Then('the JSON keys are {string}', function (this: OlapWorld, keys: string) {
  expect(Object.keys(objectOf(this)), 'keys in order').to.deep.equal(listOf(keys));
});

Then('the JSON keys end with {string}', function (this: OlapWorld, keys: string) {
  const wanted = listOf(keys);
  expect(Object.keys(objectOf(this)).slice(-wanted.length), 'last keys').to.deep.equal(wanted);
});

Then('the JSON object has exactly the keys {string}', function (this: OlapWorld, keys: string) {
  expect(Object.keys(objectOf(this)).sort(), 'keys').to.deep.equal(listOf(keys).sort());
});

Then('every JSON field is a string', function (this: OlapWorld) {
  for (const [key, value] of Object.entries(objectOf(this))) expect(value, key).to.be.a('string');
});

Then('every JSON field is a decimal string', function (this: OlapWorld) {
  for (const [key, value] of Object.entries(objectOf(this))) expect(value, key).to.be.a('string').and.match(/^\d+$/);
});

// Cells are templates: `{number}`, `{any}`, names; a field that is not a string is compared as JSON text.
Then('the JSON answer has:', async function (this: OlapWorld, table: DataTable) {
  const object = objectOf(this);
  for (const [path, expected] of table.raw() as [string, string][]) {
    if (/^status$/i.test(path)) this.outcomeChecked = true;
    const actual = shown(at(object, path));
    const fits = await fitsTemplate(starrocks(this), expected ?? '', actual);
    expect(fits, `${path}: ${JSON.stringify(actual)} does not match ${JSON.stringify(this.resolve(expected ?? ''))}`).to.equal(true);
  }
});

Then('the JSON field {string} is {string}', function (this: OlapWorld, path: string, value: string) {
  if (/^status$/i.test(path)) this.outcomeChecked = true;
  expect(at(jsonOf(this), this.resolve(path)), path).to.equal(this.resolve(value));
});

Then('the JSON field {string} is {int}', function (this: OlapWorld, path: string, value: number) {
  if (/^status$/i.test(path)) this.outcomeChecked = true;
  expect(at(jsonOf(this), path), path).to.equal(value);
});

Then('the JSON field {string} is the number {word}', function (this: OlapWorld, path: string, value: string) {
  expect(shown(at(jsonOf(this), path)), path).to.equal(this.resolve(value));
});

Then('the JSON field {string} is a number', function (this: OlapWorld, path: string) {
  expect(at(jsonOf(this), this.resolve(path)), path).to.be.a('number');
});

Then('the JSON field {string} matches {string}', function (this: OlapWorld, path: string, pattern: string) {
  const value = at(jsonOf(this), path);
  expect(value, path).to.be.a('string');
  expect(value, path).to.match(new RegExp(pattern));
});

Then('the JSON field {string} is one of {string}', function (this: OlapWorld, path: string, values: string) {
  expect(listOf(values), `values allowed for ${path}`).to.include(at(jsonOf(this), path));
});

Then('the JSON field {string} is an empty array', function (this: OlapWorld, path: string) {
  expect(at(jsonOf(this), path), path).to.deep.equal([]);
});

Then('the JSON field {string} is an empty object', function (this: OlapWorld, path: string) {
  expect(at(jsonOf(this), path), path).to.deep.equal({});
});

Then('the JSON field {string} is base64 text', function (this: OlapWorld, path: string) {
  const value = at(jsonOf(this), path);
  expect(value, path).to.be.a('string').and.match(/^[A-Za-z0-9+/]+={0,2}$/);
});

Then('the JSON field {string} is the length of the JSON field {string}', function (this: OlapWorld, count: string, list: string) {
  const items = at(jsonOf(this), list);
  expect(Array.isArray(items), `${list} is an array`).to.equal(true);
  expect(at(jsonOf(this), count), count).to.equal((items as unknown[]).length);
});

Then('the JSON field {string} is the number of BEs of the cluster', async function (this: OlapWorld, path: string) {
  expect(at(jsonOf(this), path), path).to.equal((await nodeUrls(starrocks(this).info, 'BE')).length);
});

Then('every item of the JSON field {string} matches {string}', function (this: OlapWorld, path: string, pattern: string) {
  const items = at(jsonOf(this), path);
  expect(Array.isArray(items), `${path} is an array`).to.equal(true);
  const regex = new RegExp(pattern);
  for (const item of items as unknown[]) expect(item, `item of ${path}`).to.be.a('string').and.match(regex);
});

Then('every item of the JSON field {string} has the keys {string}', function (this: OlapWorld, path: string, keys: string) {
  const items = at(jsonOf(this), path);
  expect(Array.isArray(items), `${path} is an array`).to.equal(true);
  expect((items as unknown[]).length, `items of ${path}`).not.to.equal(0);
  for (const item of items as Record<string, unknown>[]) expect(Object.keys(item), `keys of an item of ${path}`).to.deep.equal(listOf(keys));
});

Then('the JSON array has an item whose {string} is {string}', function (this: OlapWorld, path: string, value: string) {
  const found = arrayOf(this).some((item) => {
    try {
      return at(item, path) === this.resolve(value);
    } catch {
      return false;
    }
  });
  expect(found, `an item whose ${path} is ${value}`).to.equal(true);
});

Then('no item of the JSON array has a {string} starting with {string}', function (this: OlapWorld, path: string, prefix: string) {
  const offenders = arrayOf(this).filter((item) => {
    try {
      return String(at(item, path)).startsWith(prefix);
    } catch {
      return false;
    }
  });
  expect(offenders, `items whose ${path} starts with ${prefix}`).to.deep.equal([]);
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
