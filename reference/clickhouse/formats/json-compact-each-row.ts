// JSONCompactEachRow and JSONCompactStringsEachRow, each also WithNames and
// WithNamesAndTypes (JSONCompactEachRowRowOutputFormat): one JSON array a
// line, values joined by ", ", the header lines arrays of JSON strings. 26.7
// serves them as text/plain, not ndjson. A mid-stream error (with
// http_write_exception_in_output_format) ends the output with ["message"].

import type { ColumnDef } from '../../engine/api.ts';
import { jsonCell, jsonOptions, jsonString } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

export interface CompactVariant {
  strings: boolean;
  names: boolean;
  types: boolean;
}

function compactOutput(name: string, v: CompactVariant): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const header = (cells: string[]): string => `[${cells.map((c) => jsonString(c, opts.escapeSlashes)).join(', ')}]\n`;
      return {
        prefix() {
          let out = '';
          if (v.names) out += header(columns.map((c) => c.name));
          if (v.types) out += header(columns.map((c) => c.type.name));
          return out;
        },
        block(rows) {
          let out = '';
          for (const row of rows) {
            out += `[${columns.map((c, i) => jsonCell(c.type, row[i], ctx, opts, v.strings)).join(', ')}]\n`;
          }
          return out;
        },
        suffix: () => '',
        exceptionSuffix: (message) => `[${jsonString(message, opts.escapeSlashes)}]\n`,
      };
    },
  };
}

/** The six names: JSONCompact[Strings]EachRow[WithNames[AndTypes]]. */
export function compactVariants(): [string, CompactVariant][] {
  const out: [string, CompactVariant][] = [];
  for (const strings of [false, true]) {
    const base = strings ? 'JSONCompactStringsEachRow' : 'JSONCompactEachRow';
    out.push([base, { strings, names: false, types: false }]);
    out.push([`${base}WithNames`, { strings, names: true, types: false }]);
    out.push([`${base}WithNamesAndTypes`, { strings, names: true, types: true }]);
  }
  return out;
}

export const jsonCompactEachRowOutputs: OutputFormat[] = compactVariants().map(([name, v]) => compactOutput(name, v));
