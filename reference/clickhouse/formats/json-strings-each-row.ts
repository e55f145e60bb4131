// JSONStringsEachRow (JSONEachRowRowOutputFormat with serialize_as_strings):
// one object a line, every value the JSON string of its text, NULL as ᴺᵁᴸᴸ.
// output_format_json_array_of_rows wraps the lines into one array. Input
// reads such objects back, each string the text of its column's value.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { atRow } from './input-rows.ts';
import { JsonReader } from './json-each-row.ts';
import { objectRow } from './json-input.ts';
import { jsonCell, jsonOptions, jsonString } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

const stringsEachRow: OutputFormat = {
  name: 'JSONStringsEachRow',
  // 26.7 answers ndjson even when output_format_json_array_of_rows wraps the rows into one array.
  contentType: () => 'application/x-ndjson; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const opts = jsonOptions(ctx);
    const asArray = Boolean(ctx.settings.get('output_format_json_array_of_rows'));
    const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
    let rows = 0;
    return {
      prefix: () => (asArray ? '[\n' : ''),
      block(block) {
        let out = '';
        for (const values of block) {
          const line = `{${columns.map((c, i) => `${keys[i]}:${jsonCell(c.type, values[i], ctx, opts, true)}`).join(',')}}`;
          out += asArray ? (rows > 0 ? ',\n' : '') + line : `${line}\n`;
          rows++;
        }
        return out;
      },
      suffix: () => (asArray ? '\n]\n' : ''),
      exceptionSuffix: (message) => `{"exception": ${jsonString(message, opts.escapeSlashes)}}\n`,
    };
  },
};

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
