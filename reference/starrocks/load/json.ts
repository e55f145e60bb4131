// The JSON reader of a Stream Load (json_scanner): one object, an array of
// objects with strip_outer_array, newline-delimited objects, json_root to
// descend first, and jsonpaths ($.a.b / $.arr[0]) for matched mode.

import { LoadError } from './params.ts';

export interface JsonOptions {
  stripOuterArray: boolean;
  jsonRoot?: string;
  jsonpaths?: string;
}

export interface JsonRecord {
  text: string;
  /** Matched mode: values in jsonpaths order. Simple mode: the object. */
  values?: unknown[];
  object?: Record<string, unknown>;
  /** Set when the record cannot be read; the row is filtered with this reason. */
  error?: string;
}

/** Parse `$.a.b[0]` style paths. */
export function parseJsonPaths(text: string): (string | number)[][] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw new LoadError('INTERNAL_ERROR', `Invalid json path: ${text}`);
  }
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) throw new LoadError('INTERNAL_ERROR', `Invalid json path: ${text}`);
  return (list as string[]).map(parsePath);
}

function parsePath(p: string): (string | number)[] {
  if (!p.startsWith('$')) throw new LoadError('INTERNAL_ERROR', `Invalid json path: ${p}`);
  const out: (string | number)[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g;
  let m: RegExpExecArray | null;
  let pos = 1;
  while ((m = re.exec(p)) !== null) {
    if (m.index !== pos) throw new LoadError('INTERNAL_ERROR', `Invalid json path: ${p}`);
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? m[4])!);
    pos = re.lastIndex;
  }
  if (pos !== p.length) throw new LoadError('INTERNAL_ERROR', `Invalid json path: ${p}`);
  return out;
}

function walk(v: unknown, path: (string | number)[]): unknown {
  let cur: unknown = v;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

/** Split the body into top-level JSON documents (objects/arrays one after another). */
function documents(data: string): string[] {
  const docs: string[] = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') {
      inStr = true;
      if (start < 0) start = i;
    } else if (c === '{' || c === '[') {
      if (depth === 0 && start < 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        docs.push(data.slice(start, i + 1));
        start = -1;
      }
    } else if (depth === 0 && !/\s/.test(c) && start < 0) {
      start = i;
    } else if (depth === 0 && /\s/.test(c) && start >= 0) {
      docs.push(data.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) docs.push(data.slice(start));
  return docs;
}

export function* readJson(data: string, o: JsonOptions): Generator<JsonRecord> {
  const paths = o.jsonpaths ? parseJsonPaths(o.jsonpaths) : undefined;
  const rootPath = o.jsonRoot ? parsePath(o.jsonRoot) : undefined;
  for (const doc of documents(data)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(doc);
    } catch {
      yield { text: doc, error: 'parse json failed' };
      continue;
    }
    if (rootPath) {
      parsed = walk(parsed, rootPath);
      if (parsed === undefined) {
        yield { text: doc, error: `Json root not found. json root: ${o.jsonRoot}` };
        continue;
      }
    }
    let items: unknown[];
    if (o.stripOuterArray) {
      if (!Array.isArray(parsed)) {
        yield { text: doc, error: 'JSON data is an object, strip_outer_array must be set false' };
        continue;
      }
      items = parsed;
    } else {
      if (Array.isArray(parsed)) {
        yield { text: doc, error: 'JSON data is an array, strip_outer_array must be set true' };
        continue;
      }
      items = [parsed];
    }
    for (const item of items) {
      const text = JSON.stringify(item);
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        yield { text, error: 'The value of json data is not an object' };
        continue;
      }
      if (paths) yield { text, values: paths.map((p) => walk(item, p)) };
      else yield { text, object: item as Record<string, unknown> };
    }
  }
}
