// JSON, JSONCompact and their Strings forms (every value a JSON string of
// its text): one document with meta, data, rows,
// rows_before_limit_at_least and statistics, tab-indented as
// JSONRowOutputFormat writes it. On a mid-stream error (with
// http_write_exception_in_output_format) "exception" replaces statistics.

import type { ColumnDef } from '../../engine/api.ts';
import { formatFloat } from '../../engine/types.ts';
import { jsonCell, jsonOptions, jsonPretty, jsonString } from './text.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

const CONTENT_TYPE = 'application/json; charset=UTF-8';

/** The "meta" member (writeMetadata), without the comma after it. */
export function jsonMeta(columns: readonly ColumnDef[]): string {
  const fields = columns.map((c) =>
    `\t\t{\n\t\t\t"name": ${jsonString(c.name)},\n\t\t\t"type": ${jsonString(c.type.name)}\n\t\t}`);
  return `\t"meta":\n\t[\n${fields.join(',\n')}\n\t]`;
}

/** "rows", "rows_before_limit_at_least" and "statistics", and the document's end (writeAdditionalInfo). */
export function jsonTail(rows: number, stats: OutputStatistics, writeStatistics: boolean): string {
  let out = `\t"rows": ${rows}`;
  if (stats.rowsBeforeLimit !== undefined) out += `,\n\n\t"rows_before_limit_at_least": ${stats.rowsBeforeLimit}`;
  if (writeStatistics) {
    out += ',\n\n\t"statistics":\n\t{\n' +
      `\t\t"elapsed": ${formatFloat(stats.elapsedSeconds)},\n` +
      `\t\t"rows_read": ${stats.rowsRead},\n` +
      `\t\t"bytes_read": ${stats.bytesRead}\n\t}`;
  }
  return `${out}\n}\n`;
}

function jsonDocument(name: string, compact: boolean, strings: boolean): OutputFormat {
  return {
    name,
    contentType: () => CONTENT_TYPE,
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const writeStatistics = Boolean(ctx.settings.get('output_format_write_statistics'));
      const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
      // output_format_json_pretty_print spreads nested arrays over lines, in JSON's rows only.
      const pretty = !compact && !strings && Boolean(ctx.settings.get('output_format_json_pretty_print'));
      const cell = (c: ColumnDef, v: unknown): string =>
        (pretty ? jsonPretty(c.type, v, ctx, opts, '\t', 3) : jsonCell(c.type, v, ctx, opts, strings));
      let rows = 0;
      const row = (values: readonly unknown[]): string => {
        if (compact) {
          return `\t\t[${columns.map((c, i) => jsonCell(c.type, values[i], ctx, opts, strings)).join(', ')}]`;
        }
        const fields = columns.map((c, i) => `\t\t\t${keys[i]}: ${cell(c, values[i])}`);
        return `\t\t{\n${fields.join(',\n')}\n\t\t}`;
      };
      return {
        prefix: () => `{\n${jsonMeta(columns)},\n\n\t"data":\n\t[\n`,
        block(block) {
          let out = '';
          for (const values of block) {
            out += (rows > 0 ? ',\n' : '') + row(values);
            rows++;
          }
          return out;
        },
        suffix: (stats: OutputStatistics) => `\n\t],\n\n${jsonTail(rows, stats, writeStatistics)}`,
        exceptionSuffix: (message: string) =>
          `\n\t],\n\n\t"rows": ${rows},\n\n\t"exception": ${jsonString(message, opts.escapeSlashes)}\n}\n`,
      };
    },
  };
}

export const jsonOutputs: OutputFormat[] = [
  jsonDocument('JSON', false, false), jsonDocument('JSONCompact', true, false),
  jsonDocument('JSONStrings', false, true), jsonDocument('JSONCompactStrings', true, true),
];
