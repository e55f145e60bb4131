// What a JSON value is, beyond its text: `the JSON field "rows" is the number 3`,
// `every JSON field is a decimal string`, `the JSON field "set" is an empty
// object`. Its text is checked like any other (json_subjects.ts).

import { expect } from 'chai';
import { nodeUrls } from '../starrocks/support/nodes.ts';
import { starrocks } from '../starrocks/support/session.ts';
import { at, jsonOf, objectOf } from './json_path.ts';
import type { OlapWorld } from './world.ts';

/** The values a check is about, each with its name for the failure message. */
export type JsonNode = (world: OlapWorld) => [string, unknown][];

export const JSON_NODE_PATTERN = 'the JSON body|the JSON field "[^"]*"|every JSON field';

export function parseJsonNode(text: string): JsonNode {
  if (text === 'the JSON body') return (world) => [['the body', jsonOf(world)]];
  if (text === 'every JSON field') return (world) => Object.entries(objectOf(world));
  const path = /^the JSON field "([^"]*)"$/.exec(text)![1]!;
  return (world) => {
    const resolved = world.resolve(path);
    // The envelope's status says how the request went: looking at it counts as looking at the outcome.
    if (/^status$/i.test(resolved)) world.outcomeChecked = true;
    return [[resolved, at(jsonOf(world), resolved)]];
  };
}

export type JsonKind = (world: OlapWorld, name: string, value: unknown) => Promise<void> | void;

const KINDS: [RegExp, (parts: string[]) => JsonKind][] = [
  [/a string/, () => (_w, name, value) => { expect(value, name).to.be.a('string'); }],
  [/a decimal string/, () => (_w, name, value) => { expect(value, name).to.be.a('string').and.match(/^\d+$/); }],
  [/a number/, () => (_w, name, value) => { expect(value, name).to.be.a('number'); }],
  [/the number (-?\d+(?:\.\d+)?)/, ([n]) => (_w, name, value) => { expect(value, name).to.equal(Number(n)); }],
  [/an object/, () => (_w, name, value) => { expect(value, name).to.be.an('object').and.not.be.an('array').and.not.equal(null); }],
  [/an empty object/, () => (_w, name, value) => { expect(value, name).to.deep.equal({}); }],
  [/an empty array/, () => (_w, name, value) => { expect(value, name).to.deep.equal([]); }],
  [/an array of (\d+) items?/, ([n]) => (_w, name, value) => { expect(value, name).to.be.an('array').with.lengthOf(Number(n)); }],
  [/base64 text/, () => (_w, name, value) => { expect(value, name).to.be.a('string').and.match(/^[A-Za-z0-9+/]+={0,2}$/); }],
  [/the length of the JSON field "([^"]*)"/, ([list]) => (w, name, value) => {
    const items = at(jsonOf(w), list!);
    expect(Array.isArray(items), `${list} is an array`).to.equal(true);
    expect(value, name).to.equal((items as unknown[]).length);
  }],
  [/the number of BEs of the cluster/, () => async (w, name, value) => {
    expect(value, name).to.equal((await nodeUrls(starrocks(w).info, 'BE')).length);
  }],
];

export const JSON_KIND_PATTERN = KINDS.map(([pattern]) => pattern.source.replace(/\((?!\?)/g, '(?:')).join('|');

export function parseJsonKind(text: string): JsonKind {
  for (const [pattern, make] of KINDS) {
    const match = new RegExp(`^(?:${pattern.source})$`).exec(text);
    if (match) return make(match.slice(1));
  }
  throw new Error(`not a kind of JSON value the steps know: ${JSON.stringify(text)}`);
}
