// JSONStringsEachRow (JSONEachRowRowOutputFormat with serialize_as_strings):
// one object a line, every value the JSON string of its text, NULL as ᴺᵁᴸᴸ.
// output_format_json_array_of_rows wraps the lines into one array. Input
// reads such objects back, each string the text of its column's value.

import { EngineError } from '../../engine/errors.ts';
import { atRow } from './input-rows.ts';
import { JsonReader, eachRowObjects } from './json-each-row.ts';
import { objectRow } from './json-input.ts';
import { jsonCell, jsonString } from './text.ts';
import type { InputFormat, OutputFormat } from './types.ts';

const stringsEachRow: OutputFormat = eachRowObjects('JSONStringsEachRow',
  (columns, ctx, opts, keys) => (values) => `{${columns.map((c, i) => `${keys[i]}:${jsonCell(c.type, values[i], ctx, opts, true)}`).join(',')}}`,
  (message, opts) => `{"exception": ${jsonString(message, opts.escapeSlashes)}}\n`);

export const jsonStringsEachRowOutputs: OutputFormat[] = [stringsEachRow];

const stringsEachRowInput: InputFormat = {
  name: 'JSONStringsEachRow',
  read(text, columns, ctx) {
    const r = new JsonReader(text);
    const rows: unknown[][] = [];
    r.ws();
    const inArray = r.text[r.pos] === '[';
    if (inArray) r.pos++;
    for (;;) {
      r.ws();
      if (r.text[r.pos] === ',') {
        r.pos++;
        r.ws();
      }
      if (r.pos >= r.text.length || (inArray && r.text[r.pos] === ']')) return rows;
      try {
        if (r.text[r.pos] !== '{') {
          throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '{' before: '${r.text.slice(r.pos, r.pos + 40)}'`);
        }
        rows.push(objectRow(r.object().obj, columns, ctx, true, 'JSONStringsEachRow'));
      } catch (err) {
        atRow(err, rows.length + 1);
      }
    }
  },
};

export const jsonStringsEachRowInputs: InputFormat[] = [stringsEachRowInput];
