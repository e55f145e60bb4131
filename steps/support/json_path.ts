// Reads a JSON answer and walks dotted paths into it: `jobInfo.state`,
// `TABLE.0`, `tags.metric`. A key that itself holds dots (a database name
// does not) can be reached whole when no shorter path exists.

import type { OlapWorld } from './world.ts';

export function jsonOf(world: OlapWorld): unknown {
  const text = world.response.body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the body is not JSON: ${JSON.stringify(text.slice(0, 300))}`);
  }
}

export function objectOf(world: OlapWorld): Record<string, unknown> {
  const value = jsonOf(world);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`the body is not a JSON object: ${world.response.body.toString('utf8').slice(0, 300)}`);
  }
  return value as Record<string, unknown>;
}

export function arrayOf(world: OlapWorld): unknown[] {
  const value = jsonOf(world);
  if (!Array.isArray(value)) throw new Error(`the body is not a JSON array: ${world.response.body.toString('utf8').slice(0, 300)}`);
  return value;
}

/** The value at a dotted path, or `found: false` with the part that is missing. */
export function lookup(value: unknown, path: string): { found: true; value: unknown } | { found: false; missing: string } {
  if (typeof value === 'object' && value !== null && path in (value as Record<string, unknown>)) {
    return { found: true, value: (value as Record<string, unknown>)[path] };
  }
  let current = value;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(part in (current as Record<string, unknown>))) return { found: false, missing: part };
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
}

export function at(value: unknown, path: string): unknown {
  const found = lookup(value, path);
  if (!found.found) {
    throw new Error(`no JSON field ${JSON.stringify(path)} (missing ${JSON.stringify(found.missing)}) in ${JSON.stringify(value).slice(0, 400)}`);
  }
  return found.value;
}

/** A JSON value as a cell of a feature table shows it: strings bare, everything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function listOf(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
