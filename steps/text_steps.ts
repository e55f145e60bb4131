// One set of checks for every text a scenario can name (support/subjects.ts),
// in the one language of expected text (support/expected_text.ts): "is" byte
// for byte, "is like" a template with placeholders.

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { showBytes, unescapeText } from './support/escapes.ts';
import { isLike } from './support/expected_text.ts';
import type { Subject } from './support/subjects.ts';
import type { OlapWorld } from './support/world.ts';

/** Quoted step text as the bytes it spells, with the scenario's names. */
const expectedText = (world: OlapWorld, text: string) => world.resolve(unescapeText(text));

async function textOf(world: OlapWorld, subject: Subject): Promise<string> {
  const text = await subject.read(world);
  if (text === undefined) throw new Error(`${subject.name}: there is none`);
  return text;
}

async function expectSame(world: OlapWorld, subject: Subject, expected: string): Promise<void> {
  const same = subject.same ?? ((text: string) => text);
  expect(same(await textOf(world, subject)), subject.name).to.equal(same(expected));
}

async function expectLike(world: OlapWorld, subject: Subject, template: string): Promise<void> {
  const text = await textOf(world, subject);
  expect(isLike(text, template, world.target.version),
    `${subject.name} ${showBytes(text)} is not like ${showBytes(template)}`).to.equal(true);
}

Then('{subject} is {string}', async function (this: OlapWorld, subject: Subject, expected: string) {
  await expectSame(this, subject, expectedText(this, expected));
});

// Doc strings are taken as they are, each line ended by a line break.
Then('{subject} is the lines:', async function (this: OlapWorld, subject: Subject, lines: string) {
  await expectSame(this, subject, `${this.resolve(lines)}\n`);
});

Then('{subject} is like {string}', async function (this: OlapWorld, subject: Subject, template: string) {
  await expectLike(this, subject, expectedText(this, template));
});

Then('{subject} is like the lines:', async function (this: OlapWorld, subject: Subject, lines: string) {
  await expectLike(this, subject, `${this.resolve(lines)}\n`);
});

Then('{subject} is not {string}', async function (this: OlapWorld, subject: Subject, unexpected: string) {
  const same = subject.same ?? ((text: string) => text);
  expect(same(await textOf(this, subject)), subject.name).not.to.equal(same(expectedText(this, unexpected)));
});

Then('{subject} is empty', async function (this: OlapWorld, subject: Subject) {
  expect(await textOf(this, subject), subject.name).to.equal('');
});

Then('{subject} is absent', async function (this: OlapWorld, subject: Subject) {
  expect(await subject.read(this), subject.name).to.equal(undefined);
});

Then('{subject} contains {string}', async function (this: OlapWorld, subject: Subject, part: string) {
  expect(await textOf(this, subject), subject.name).to.include(expectedText(this, part));
});

Then('{subject} starts with {string}', async function (this: OlapWorld, subject: Subject, start: string) {
  const text = await textOf(this, subject);
  expect(text.startsWith(expectedText(this, start)), `${subject.name}: ${showBytes(text.slice(0, 300))}`).to.equal(true);
});

Then('{subject} ends with {string}', async function (this: OlapWorld, subject: Subject, end: string) {
  const text = await textOf(this, subject);
  expect(text.endsWith(expectedText(this, end)), `${subject.name} ends with ${showBytes(text.slice(-300))}`).to.equal(true);
});
