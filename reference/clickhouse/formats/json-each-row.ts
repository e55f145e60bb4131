// JSONEachRow (and JSONCompactEachRow output): one JSON value per line.
// The input side keeps number literals as text so 64-bit integers survive.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { defaultValue, isNullable, unwrapNullable } from '../../engine/types.ts';
import { atRow, emptyRow, parseField } from './input-rows.ts';
import { jsonOptions, jsonString, jsonValue } from './text.ts';
import type { JsonOptions } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

/** Writes one row's object, given the columns' JSON keys. */
type ObjectWriter = (columns: readonly ColumnDef[], ctx: FormatContext, opts: JsonOptions, keys: string[]) => (values: readonly unknown[]) => string;

/**
 * The JSONEachRow family's frame (JSONEachRowRowOutputFormat): one object per
 * row and line, or with output_format_json_array_of_rows all of them in one
 * array; the object and the exception's form are the variant's.
 */
export function eachRowObjects(name: string, objectOf: ObjectWriter, exception: (message: string, opts: JsonOptions) => string): OutputFormat {
  return {
    name,
    // 26.7 answers ndjson even when output_format_json_array_of_rows wraps the rows into one array.
    contentType: () => 'application/x-ndjson; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const asArray = Boolean(ctx.settings.get('output_format_json_array_of_rows'));
      const object = objectOf(columns, ctx, opts, columns.map((c) => jsonString(c.name, opts.escapeSlashes)));
      let rows = 0;
      return {
        prefix: () => (asArray ? '[\n' : ''),
        block(block) {
          let out = '';
          for (const values of block) {
            out += asArray ? (rows > 0 ? ',\n' : '') + object(values) : `${object(values)}\n`;
            rows++;
          }
          return out;
        },
        suffix: () => (asArray ? '\n]\n' : ''),
        exceptionSuffix: (message) => exception(message, opts),
      };
    },
  };
}

const eachRowOutput = (name: string): OutputFormat => eachRowObjects(name,
  (columns, ctx, opts, keys) => (values) => `{${columns.map((c, i) => `${keys[i]}:${jsonValue(c.type, values[i], ctx, opts)}`).join(',')}}`,
  (message, opts) => `{"exception": ${jsonString(message, opts.escapeSlashes)}}\n`);

// ---------------------------------------------------------------- input

export type JsonValue = null | boolean | string | { num: string } | JsonValue[] | { obj: [string, JsonValue][] };

export class JsonReader {
  pos = 0;
  text: string;
  constructor(text: string) {
    this.text = text;
  }
  ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  fail(what: string): never {
    throw new EngineError('INCORRECT_DATA',
      `Cannot parse JSON ${what}: unexpected ${this.pos < this.text.length ? `'${this.text[this.pos]}'` : 'end of data'} at position ${this.pos}`);
  }
  value(): JsonValue {
    this.ws();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') {
      this.pos++;
      const out: JsonValue[] = [];
      this.ws();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return out;
      }
      for (;;) {
        out.push(this.value());
        this.ws();
        const d = this.text[this.pos++];
        if (d === ']') return out;
        if (d !== ',') this.fail('array');
      }
    }
    if (c === '"') return this.string();
    const lit = /^(?:true|false|null|-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?:nan|inf|infinity))/i.exec(this.text.slice(this.pos, this.pos + 400));
    if (!lit) this.fail('value');
    this.pos += lit[0].length;
    const l = lit[0].toLowerCase();
    if (l === 'true') return true;
    if (l === 'false') return false;
    if (l === 'null') return null;
    return { num: lit[0] };
  }
  object(): { obj: [string, JsonValue][] } {
    this.pos++;
    const obj: [string, JsonValue][] = [];
    this.ws();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { obj };
    }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail('object key');
      const key = this.string();
      this.ws();
      if (this.text[this.pos++] !== ':') this.fail('object');
      obj.push([key, this.value()]);
      this.ws();
      const d = this.text[this.pos++];
      if (d === '}') return { obj };
      if (d !== ',') this.fail('object');
    }
  }
  string(): string {
    const start = this.pos;
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      if (i >= this.text.length) {
        this.pos = start;
        throw new EngineError('CANNOT_PARSE_QUOTED_STRING', 'Cannot parse JSON string: expected closing quote');
      }
      const c = this.text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        const n = this.text[i + 1];
        if (n === 'u') {
          out += String.fromCharCode(parseInt(this.text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[n ?? ''] ?? n ?? '';
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return out;
  }
}

/** Convert a parsed JSON value into the column's value. */
export function fromJson(type: DataType, v: JsonValue, ctx: FormatContext): unknown {
  if (v === null) return parseField(type, '', true, ctx);
  const t = unwrapNullable(type);
  if (t.kind === 'Array') {
    if (!Array.isArray(v)) throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '[' for a value of type ${type.name}`);
    return v.map((x) => fromJson(t.inner!, x, ctx));
  }
  if (t.kind === 'Tuple') {
    // An array of the elements, or (named tuples) an object keyed by element name.
    // Named tuples are objects only (input_format_json_named_tuples_as_objects, on by default).
    if (Array.isArray(v) && t.names) {
      throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', "Cannot parse input: expected '{' before a JSON array");
    }
    if (Array.isArray(v) && v.length === t.elements!.length) return v.map((x, i) => fromJson(t.elements![i]!, x, ctx));
    if (v !== null && typeof v === 'object' && 'obj' in v && t.names) {
      const byName = new Map(v.obj);
      return t.names.map((n, i) => (byName.has(n) ? fromJson(t.elements![i]!, byName.get(n)!, ctx) : defaultValue(t.elements![i]!)));
    }
    throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '[' for a value of type ${type.name}`);
  }
  if (t.kind === 'Map') {
    if (v === null || typeof v !== 'object' || !('obj' in v)) throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '{' for a value of type ${type.name}`);
    // Keys are JSON strings read as the key type's text.
    return v.obj.map(([k, x]) => [parseField(t.key!, k, false, ctx), fromJson(t.inner!, x, ctx)]);
  }
  if (Array.isArray(v) || (typeof v === 'object' && 'obj' in v)) {
    throw new EngineError('INCORRECT_DATA', `Cannot parse a JSON ${Array.isArray(v) ? 'array' : 'object'} as ${type.name}`);
  }
  if (typeof v === 'boolean') {
    if (t.kind === 'Bool') return v;
    if (t.kind === 'String') return v ? 'true' : 'false';
    return parseField(t, v ? '1' : '0', false, ctx);
  }
  const text = typeof v === 'string' ? v : v.num;
  return parseField(t, text, false, ctx);
}

function eachRowInput(name: string): InputFormat {
  return {
    name,
    read(text, columns, ctx) {
      const r = new JsonReader(text);
      const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
      const index = new Map(columns.map((c, i) => [c.name, i]));
      const rows: unknown[][] = [];
      r.ws();
      // A JSON array of objects is accepted too.
      const inArray = r.text[r.pos] === '[';
      if (inArray) r.pos++;
      for (;;) {
        r.ws();
        if (r.text[r.pos] === ',') {
          r.pos++;
          r.ws();
        }
        if (r.pos >= r.text.length) break;
        if (inArray && r.text[r.pos] === ']') {
          r.pos++;
          break;
        }
        if (r.text[r.pos] !== '{') {
          throw new EngineError('INCORRECT_DATA',
            `Cannot parse input: expected '{' before: '${r.text.slice(r.pos, r.pos + 40)}': (at row ${rows.length + 1})\n`);
        }
        try {
          const obj = r.object();
          const row = emptyRow(columns);
          for (const [key, value] of obj.obj) {
            const i = index.get(key);
            if (i === undefined) {
              if (skipUnknown) continue;
              throw new EngineError('INCORRECT_DATA', `Unknown field found while parsing JSONEachRow format: ${key}`);
            }
            row[i] = value === null && !isNullable(columns[i]!.type)
              ? defaultValue(columns[i]!.type)
              : fromJson(columns[i]!.type, value, ctx);
          }
          rows.push(row);
        } catch (err) {
          atRow(err, rows.length + 1);
        }
      }
      return rows;
    },
  };
}

export const jsonEachRowOutputs: OutputFormat[] = [
  eachRowOutput('JSONEachRow'),
  eachRowOutput('NDJSON'),
  eachRowOutput('JSONLines'),
  eachRowOutput('JSONL'),
];
export const jsonEachRowInputs: InputFormat[] = [eachRowInput('JSONEachRow'), eachRowInput('NDJSON'), eachRowInput('JSONLines'), eachRowInput('JSONL')];
