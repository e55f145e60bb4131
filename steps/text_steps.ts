// One set of checks for every text a scenario can name (support/subjects.ts),
// in the one language of expected text (support/expected_text.ts): "is" byte
// for byte, "is like" a template with placeholders, "matches" a regular
// expression; and the same for the lines of a text.

import { Given, Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Count } from './parameter_types.ts';
import { showBytes, unescapeText } from './support/escapes.ts';
import { isLike } from './support/expected_text.ts';
import type { JsonKind, JsonNode } from './support/json_checks.ts';
import { listOf } from './support/json_path.ts';
import { placeholdersOf } from './support/placeholders.ts';
import type { Subject } from './support/subjects.ts';
import type { OlapWorld } from './support/world.ts';

/** Quoted step text as the bytes it spells, with the scenario's names. */
const expectedText = (world: OlapWorld, text: string) => world.resolve(unescapeText(text));

async function textOf(world: OlapWorld, subject: Subject): Promise<string> {
  const text = await subject.read(world);
  if (text === undefined) throw new Error(`${subject.name}: there is none`);
  return text;
}

/** A whole body stated, as it is or as a template, says how the request went: the outcome was looked at. */
function stated(world: OlapWorld, subject: Subject): void {
  if (subject.name === 'the body') world.outcomeChecked = true;
}

async function expectSame(world: OlapWorld, subject: Subject, expected: string): Promise<void> {
  stated(world, subject);
  const same = subject.same ?? ((text: string) => text);
  expect(same(await textOf(world, subject)), subject.name).to.equal(same(expected));
}

async function expectLike(world: OlapWorld, subject: Subject, template: string): Promise<void> {
  stated(world, subject);
  const text = await textOf(world, subject);
  expect(await isLike(text, template, placeholdersOf(world)),
    `${subject.name} ${showBytes(text)} is not like ${showBytes(template)}`).to.equal(true);
}

/** The lines of a text; the line break that ends the last one ends no further line. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const pattern = (world: OlapWorld, source: string) => new RegExp(world.resolve(source));

Then('{subject} is/are {string}', async function (this: OlapWorld, subject: Subject, expected: string) {
  await expectSame(this, subject, expectedText(this, expected));
});

// Doc strings are taken as they are: "the lines" each ended by a line break, "the text" just as written.
Then('{subject} is the lines:', async function (this: OlapWorld, subject: Subject, lines: string) {
  await expectSame(this, subject, `${this.resolve(lines)}\n`);
});

Then('{subject} is the text:', async function (this: OlapWorld, subject: Subject, text: string) {
  await expectSame(this, subject, this.resolve(text));
});

Then('{subject} is like {string}', async function (this: OlapWorld, subject: Subject, template: string) {
  await expectLike(this, subject, expectedText(this, template));
});

Then('{subject} is like the lines:', async function (this: OlapWorld, subject: Subject, lines: string) {
  await expectLike(this, subject, `${this.resolve(lines)}\n`);
});

Then('{subject} is like the text:', async function (this: OlapWorld, subject: Subject, text: string) {
  await expectLike(this, subject, this.resolve(text));
});

Then('{subject} is not {string}', async function (this: OlapWorld, subject: Subject, unexpected: string) {
  const same = subject.same ?? ((text: string) => text);
  expect(same(await textOf(this, subject)), subject.name).not.to.equal(same(expectedText(this, unexpected)));
});

Then('{subject} is one of {string}', async function (this: OlapWorld, subject: Subject, values: string) {
  expect(listOf(values), `values allowed for ${subject.name}`).to.include(await textOf(this, subject));
});

Then('{subject} is empty', async function (this: OlapWorld, subject: Subject) {
  expect(await textOf(this, subject), subject.name).to.equal('');
});

Then('{subject} is not empty', async function (this: OlapWorld, subject: Subject) {
  expect(await textOf(this, subject), subject.name).not.to.equal('');
});

Then('{subject} is absent', async function (this: OlapWorld, subject: Subject) {
  expect(await subject.read(this), subject.name).to.equal(undefined);
});

Then('{subject} is present', async function (this: OlapWorld, subject: Subject) {
  expect(await subject.read(this), subject.name).not.to.equal(undefined);
});

Then('{subject} contains {string}', async function (this: OlapWorld, subject: Subject, part: string) {
  expect(await textOf(this, subject), subject.name).to.include(expectedText(this, part));
});

Then('{subject} starts with {string}', async function (this: OlapWorld, subject: Subject, start: string) {
  const text = await textOf(this, subject);
  expect(text.startsWith(expectedText(this, start)), `${subject.name}: ${showBytes(text.slice(0, 300))}`).to.equal(true);
});

Then('{subject} ends/end with {string}', async function (this: OlapWorld, subject: Subject, end: string) {
  const text = await textOf(this, subject);
  expect(text.endsWith(expectedText(this, end)), `${subject.name} ends with ${showBytes(text.slice(-300))}`).to.equal(true);
});

Then('{subject} matches {string}', async function (this: OlapWorld, subject: Subject, source: string) {
  expect(await textOf(this, subject), subject.name).to.match(pattern(this, source));
});

Then('{subject} is a number greater than {string}', async function (this: OlapWorld, subject: Subject, than: string) {
  const text = await textOf(this, subject);
  expect(text, subject.name).to.match(/^\d+$/);
  expect(BigInt(text) > BigInt(this.resolve(than)), `${subject.name} ${text} > ${this.resolve(than)}`).to.equal(true);
});

// --- Lines ---

// Like `wc -l`, as ClickHouse's own tests count lines of an answer; an exact count wants every line ended.
Then('{subject} has {count} line(s)', async function (this: OlapWorld, subject: Subject, count: Count) {
  const text = await textOf(this, subject);
  // Counted without splitting: a body of ten million lines stays one string.
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  if (count.atLeast) {
    expect(lines, `lines of ${subject.name}`).to.be.at.least(count.n);
  } else {
    expect(text.endsWith('\n'), `${subject.name} ends with a newline`).to.equal(true);
    expect(lines, `lines of ${subject.name}`).to.equal(count.n);
  }
});

Then('{subject} has the line {string}', async function (this: OlapWorld, subject: Subject, line: string) {
  expect(linesOf(await textOf(this, subject)), `lines of ${subject.name}`).to.include(expectedText(this, line));
});

Then('{subject} has a line matching {string}', async function (this: OlapWorld, subject: Subject, source: string) {
  const regex = pattern(this, source);
  expect(linesOf(await textOf(this, subject)).some((line) => regex.test(line)), `no line of ${subject.name} matches ${source}`).to.equal(true);
});

Then('{subject} has no line matching {string}', async function (this: OlapWorld, subject: Subject, source: string) {
  const regex = pattern(this, source);
  expect(linesOf(await textOf(this, subject)).filter((line) => regex.test(line)), `lines matching ${source}`).to.deep.equal([]);
});

Then('every line of {subject} matches {string}', async function (this: OlapWorld, subject: Subject, source: string) {
  const regex = pattern(this, source);
  const lines = linesOf(await textOf(this, subject));
  expect(lines.length, `lines of ${subject.name}`).not.to.equal(0);
  expect(lines.filter((line) => !regex.test(line)), `lines not matching ${source}`).to.deep.equal([]);
});

// Line order is up to the server when the query has no ORDER BY (the seed says so).
Then('{subject} has the lines in any order:', async function (this: OlapWorld, subject: Subject, expected: string) {
  const text = await textOf(this, subject);
  expect(text.endsWith('\n'), `${subject.name} ends with a newline`).to.equal(true);
  const sort = (lines: string[]) => [...lines].sort();
  expect(sort(text.slice(0, -1).split('\n'))).to.deep.equal(sort(this.resolve(expected).split('\n')));
});

// --- What a JSON value is, beyond its text ---

Then('{json_node} is {json_kind}', async function (this: OlapWorld, node: JsonNode, kind: JsonKind) {
  for (const [name, value] of node(this)) await kind(this, name, value);
});

// --- Values kept for later steps: `{name}` stands for the noted text from then on ---

Given('I noted {subject} as {string}', async function (this: OlapWorld, subject: Subject, name: string) {
  this.names.set(name, await textOf(this, subject));
});
