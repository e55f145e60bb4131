// CSV family: strings, dates and arrays double-quoted with `"` doubled,
// numbers and booleans bare, NULL as \N; the delimiter is format_csv_delimiter.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { atRow, emptyRow, identityMap, mapHeader, parseDelimitedField } from './input-rows.ts';
import type { FieldMap } from './input-rows.ts';
import { csvField, csvHeaderColumns, quoteCsv } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

interface Variant {
  names: boolean;
  types: boolean;
}

function csvOutput(name: string, v: Variant): OutputFormat {
  return {
    name,
    contentType: () => `text/csv; charset=UTF-8; header=${v.names ? 'present' : 'absent'}`,
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const d = String(ctx.settings.get('format_csv_delimiter'));
      const eol = ctx.settings.get('output_format_csv_crlf_end_of_line') ? '\r\n' : '\n';
      return {
        prefix() {
          let out = '';
          if (v.names) out += csvHeaderColumns(columns).map((c) => quoteCsv(c.name)).join(d) + eol;
          if (v.types) out += csvHeaderColumns(columns).map((c) => quoteCsv(c.type)).join(d) + eol;
          return out;
        },
        block(rows) {
          let out = '';
          for (const row of rows) {
            for (let i = 0; i < columns.length; i++) {
              if (i > 0) out += d;
              out += csvField(columns[i]!.type, row[i], ctx);
            }
            out += eol;
          }
          return out;
        },
        suffix: () => '',
      };
    },
  };
}

interface CsvField {
  text: string;
  quoted: boolean;
}

/** RFC 4180 with ClickHouse's leniencies: CRLF or LF rows, optional single quotes, trimmed bare fields. */
export function splitCsv(text: string, delimiter: string, singleQuotes: boolean): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // One field.
    while (i < n && (text[i] === ' ' || text[i] === '\t') && text[i] !== delimiter) i++;
    const q = text[i];
    let field: CsvField;
    if (q === '"' || (singleQuotes && q === "'")) {
      let out = '';
      i++;
      for (;;) {
        if (i >= n) throw new EngineError('CANNOT_PARSE_QUOTED_STRING', 'Cannot parse quoted string: expected closing quote');
        const c = text[i]!;
        if (c === q) {
          if (text[i + 1] === q) {
            out += q;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += c;
        i++;
      }
      while (i < n && (text[i] === ' ' || text[i] === '\t') && text[i] !== delimiter) i++;
      field = { text: out, quoted: true };
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      field = { text: text.slice(i, j).trim(), quoted: false };
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text[i];
    if (c === delimiter) {
      i++;
      if (i >= n) {
        row.push({ text: '', quoted: false });
        rows.push(row);
      }
      continue;
    }
    if (c === '\r') i++;
    if (text[i] === '\n') i++;
    else if (c !== '\r') {
      throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED',
        `Cannot parse input: expected '${delimiter}' before: '${text.slice(i, i + 20)}'`);
    }
    rows.push(row);
    row = [];
  }
  return rows;
}

function csvInput(name: string, v: Variant): InputFormat {
  return {
    name,
    read(text, columns, ctx) {
      const d = String(ctx.settings.get('format_csv_delimiter'));
      const all = splitCsv(text, d, Boolean(ctx.settings.get('format_csv_allow_single_quotes')));
      let skip = Number(ctx.settings.get('input_format_csv_skip_first_lines'));
      while (skip-- > 0 && all.length > 0) all.shift();
      let map: FieldMap = identityMap(columns);
      let rowNumber = 0;
      if (v.names) {
        rowNumber++;
        const header = all.shift();
        if (header) map = mapHeader(header.map((f) => f.text), columns, ctx);
      }
      if (v.types) {
        rowNumber++;
        all.shift();
      }
      const nullText = String(ctx.settings.get('format_csv_null_representation'));
      const emptyAsDefault = Boolean(ctx.settings.get('input_format_csv_empty_as_default'));
      const rows: unknown[][] = [];
      for (const fields of all) {
        rowNumber++;
        try {
          if (fields.length !== map.length) {
            throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', fields.length < map.length
              ? `Cannot parse input: expected '${d}' before: '\\n'`
              : `Cannot parse input: expected '\\n' before: '${d}${fields.slice(map.length).map((f) => f.text).join(d)}'`);
          }
          const row = emptyRow(columns);
          for (let i = 0; i < map.length; i++) {
            const target = map[i]!;
            if (target < 0) continue;
            const f = fields[i]!;
            if (!f.quoted && f.text === '' && emptyAsDefault) continue;
            const isNull = !f.quoted && f.text === nullText;
            const last = i === map.length - 1;
            const rest = (last ? '' : d + fields.slice(i + 1).map((x) => x.text).join(d)) + '\n';
            row[target] = parseDelimitedField(columns[target]!.type, f.text, isNull, ctx, last ? '\n' : d, rest);
          }
          rows.push(row);
        } catch (err) {
          atRow(err, rowNumber);
        }
      }
      return rows;
    },
  };
}

const VARIANTS: [string, Variant][] = [
  ['CSV', { names: false, types: false }],
  ['CSVWithNames', { names: true, types: false }],
  ['CSVWithNamesAndTypes', { names: true, types: true }],
];

export const csvOutputs: OutputFormat[] = VARIANTS.map(([n, v]) => csvOutput(n, v));
export const csvInputs: InputFormat[] = VARIANTS.map(([n, v]) => csvInput(n, v));
