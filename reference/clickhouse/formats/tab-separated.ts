// TabSeparated family (TSV aliases, Raw, WithNames, WithNamesAndTypes):
// fields joined by \t, rows ended by \n, values escaped per writeEscapedString.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { parseType } from '../../engine/types.ts';
import { atRow, emptyRow, identityMap, mapHeader, parseDelimitedField } from './input-rows.ts';
import type { FieldMap } from './input-rows.ts';
import { escapeTsv, tsvField } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

const CONTENT_TYPE = 'text/tab-separated-values; charset=UTF-8';

interface Variant {
  raw: boolean;
  names: boolean;
  types: boolean;
}

function tsvOutput(name: string, v: Variant): OutputFormat {
  return {
    name,
    contentType: () => CONTENT_TYPE,
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const eol = ctx.settings.get('output_format_tsv_crlf_end_of_line') ? '\r\n' : '\n';
      const headerLine = (cells: string[]): string => cells.map((c) => (v.raw ? c : escapeTsv(c))).join('\t') + eol;
      return {
        prefix() {
          let out = '';
          if (v.names) out += headerLine(columns.map((c) => c.name));
          if (v.types) out += headerLine(columns.map((c) => c.type.name));
          return out;
        },
        block(rows) {
          let out = '';
          for (const row of rows) {
            for (let i = 0; i < columns.length; i++) {
              if (i > 0) out += '\t';
              out += tsvField(columns[i]!.type, row[i], ctx, v.raw);
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

const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v', e: '\x1b' };
// readEscapedString keeps the backslash of unknown escapes ("100\%" stays as is), except for these.
const DROP_BACKSLASH = new Set(['\\', "'", '"', '`', '/', '=']);

/** Undo TSV escaping of one field. */
export function unescapeTsv(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (UNESCAPE[n] !== undefined) {
      out += UNESCAPE[n];
    } else if (DROP_BACKSLASH.has(n) || n.charCodeAt(0) < 0x20) {
      out += n;
    } else {
      out += '\\' + n;
    }
  }
  return out;
}

/** Split into lines; an escaped newline (`\` + LF) stays inside its field. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '\n') {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function tsvInput(name: string, v: Variant): InputFormat {
  return {
    name,
    read(text, columns, ctx) {
      const lines = splitLines(text);
      let skip = Number(ctx.settings.get('input_format_tsv_skip_first_lines'));
      while (skip-- > 0 && lines.length > 0) lines.shift();
      let map: FieldMap = identityMap(columns);
      let rowNumber = 0;
      if (v.names) {
        rowNumber++;
        const header = lines.shift();
        if (header !== undefined) map = mapHeader(header.split('\t').map(unescapeTsv), columns, ctx);
      }
      if (v.types) {
        rowNumber++;
        const line = lines.shift();
        if (line !== undefined && ctx.settings.get('input_format_with_types_use_header')) {
          checkTypes(line.split('\t').map(unescapeTsv), map, columns);
        }
      }
      const emptyAsDefault = Boolean(ctx.settings.get('input_format_tsv_empty_as_default'));
      const nullText = String(ctx.settings.get('format_tsv_null_representation'));
      const rows: unknown[][] = [];
      for (const line of lines) {
        rowNumber++;
        const fields = line.split('\t');
        try {
          if (fields.length < map.length) {
            throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', "Cannot parse input: expected '\\t' before: '\\n'");
          }
          if (fields.length > map.length) {
            throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected '\\n' before: '\\t${fields.slice(map.length).join('\\t')}'`);
          }
          const row = emptyRow(columns);
          for (let i = 0; i < map.length; i++) {
            const target = map[i]!;
            if (target < 0) continue;
            const raw = fields[i]!;
            if (raw === '' && emptyAsDefault) continue;
            const col = columns[target]!;
            const isNull = raw === nullText || raw === '\\N';
            const last = i === map.length - 1;
            const rest = (last ? '' : '\t' + fields.slice(i + 1).join('\t')) + '\n';
            row[target] = parseDelimitedField(col.type, v.raw ? raw : unescapeTsv(raw), isNull, ctx, last ? '\n' : '\t', rest);
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

function checkTypes(types: string[], map: FieldMap, columns: readonly ColumnDef[]): void {
  types.forEach((typeName, i) => {
    const target = map[i];
    if (target === undefined || target < 0) return;
    const col = columns[target]!;
    let given: string;
    try {
      given = parseType(typeName).name;
    } catch {
      given = typeName;
    }
    if (given !== col.type.name) {
      throw new EngineError('INCORRECT_DATA',
        `Type of '${col.name}' must be ${col.type.name}, not ${typeName}`);
    }
  });
}

const VARIANTS: [string[], Variant][] = [
  [['TabSeparated', 'TSV'], { raw: false, names: false, types: false }],
  [['TabSeparatedRaw', 'TSVRaw', 'Raw'], { raw: true, names: false, types: false }],
  [['TabSeparatedWithNames', 'TSVWithNames'], { raw: false, names: true, types: false }],
  [['TabSeparatedWithNamesAndTypes', 'TSVWithNamesAndTypes'], { raw: false, names: true, types: true }],
  [['TabSeparatedRawWithNames', 'TSVRawWithNames', 'RawWithNames'], { raw: true, names: true, types: false }],
  [['TabSeparatedRawWithNamesAndTypes', 'TSVRawWithNamesAndTypes', 'RawWithNamesAndTypes'], { raw: true, names: true, types: true }],
];

export const tabSeparatedOutputs: OutputFormat[] = VARIANTS.flatMap(([names, v]) => names.map((n) => tsvOutput(n, v)));
export const tabSeparatedInputs: InputFormat[] = VARIANTS.flatMap(([names, v]) => names.map((n) => tsvInput(n, v)));
