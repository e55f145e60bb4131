// The texts a check can name inside a JSON answer: a field by its dotted path
// (support/json_path.ts), the keys of an object in order or as a set, and one
// field of every item of an array, one per line. A value reads as a feature
// table cell shows it: strings bare, everything else as JSON text.

import { arrayOf, at, jsonOf, listOf, lookup, objectOf, shown } from './json_path.ts';
import type { SubjectMaker } from './subjects.ts';
import type { OlapWorld } from './world.ts';


/** A field's value, or undefined when the answer has no such field (a JSON null is there: it reads as null). */
function fieldOf(world: OlapWorld, path: string): unknown {
  const resolved = world.resolve(path);
  // The envelope's status says how the request went: looking at it counts as looking at the outcome.
  if (/^status$/i.test(resolved)) world.outcomeChecked = true;
  const found = lookup(jsonOf(world), resolved);
  return found.found ? found.value : undefined;
}

const keysOf = (value: unknown, what: string): string[] => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a JSON object: ${JSON.stringify(value)?.slice(0, 300)}`);
  return Object.keys(value);
};

/** The object a keys subject names: the body, a field, or (as one list, when they agree) every item of an array field. */
function keyLists(world: OlapWorld, of: string, path: string | undefined): string[][] {
  if (of === 'the JSON body') return [keysOf(objectOf(world), 'the body')];
  const value = at(jsonOf(world), world.resolve(path!));
  if (!of.startsWith('every item of')) return [keysOf(value, path!)];
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${path} is not a non-empty JSON array: ${JSON.stringify(value)?.slice(0, 300)}`);
  return value.map((item, i) => keysOf(item, `item ${i} of ${path}`));
}

function keysText(lists: string[][]): string {
  const distinct = [...new Set(lists.map((keys) => keys.join(', ')))];
  // Items whose keys differ show every list, which no expected list equals.
  return distinct.length === 1 ? distinct[0]! : distinct.map((keys) => `[${keys}]`).join(' ');
}

const sortedList = (text: string) => listOf(text).sort().join(', ');

export const JSON_SUBJECTS: [RegExp, SubjectMaker][] = [
  [/the JSON field "([^"]*)"/, ([path]) => ({
    read: async (w) => {
      const value = fieldOf(w, path!);
      return value === undefined ? undefined : shown(value);
    },
  })],
  // "the keys of the JSON body are …" in order; "the set of keys …" in any order.
  [/the (keys|set of keys) of (the JSON body|the JSON field "([^"]*)"|every item of the JSON field "([^"]*)")/, ([kind, of, field, itemsField]) => ({
    read: async (w) => keysText(keyLists(w, of!, field ?? itemsField)),
    ...(kind === 'set of keys' ? { same: sortedList } : {}),
  })],
  [/the "([^"]*)" of every item of the JSON body/, ([path]) => ({
    read: async (w) => {
      const values: string[] = [];
      // An item without the field has nothing to show.
      for (const item of arrayOf(w)) {
        const found = lookup(item, path!);
        if (found.found) values.push(shown(found.value));
      }
      return values.map((value) => `${value}\n`).join('');
    },
  })],
];
