// JSON and JSONCompact: one document with meta, data, rows,
// rows_before_limit_at_least and statistics, tab-indented as
// JSONRowOutputFormat writes it. On a mid-stream error (with
// http_write_exception_in_output_format) "exception" replaces statistics.

import type { ColumnDef } from '../../engine/api.ts';
import { formatFloat } from '../../engine/types.ts';
import { jsonOptions, jsonString, jsonValue } from './text.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

const CONTENT_TYPE = 'application/json; charset=UTF-8';

function meta(columns: readonly ColumnDef[]): string {
  const fields = columns.map((c) =>
    `\t\t{\n\t\t\t"name": ${jsonString(c.name)},\n\t\t\t"type": ${jsonString(c.type.name)}\n\t\t}`);
  return `{\n\t"meta":\n\t[\n${fields.join(',\n')}\n\t],\n\n\t"data":\n\t[\n`;
}

function jsonDocument(name: string, compact: boolean): OutputFormat {
  return {
    name,
    contentType: () => CONTENT_TYPE,
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const writeStatistics = Boolean(ctx.settings.get('output_format_write_statistics'));
      const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
      let rows = 0;
      const row = (values: readonly unknown[]): string => {
        if (compact) {
          return `\t\t[${columns.map((c, i) => jsonValue(c.type, values[i], ctx, opts)).join(', ')}]`;
        }
        const fields = columns.map((c, i) => `\t\t\t${keys[i]}: ${jsonValue(c.type, values[i], ctx, opts)}`);
        return `\t\t{\n${fields.join(',\n')}\n\t\t}`;
      };
      const rowsPart = (): string => `\n\t],\n\n\t"rows": ${rows}`;
      return {
        prefix: () => meta(columns),
        block(block) {
          let out = '';
          for (const values of block) {
            out += (rows > 0 ? ',\n' : '') + row(values);
            rows++;
          }
          return out;
        },
        suffix(stats: OutputStatistics) {
          let out = rowsPart();
          if (stats.rowsBeforeLimit !== undefined) {
            out += `,\n\n\t"rows_before_limit_at_least": ${stats.rowsBeforeLimit}`;
          }
          if (writeStatistics) {
            out += ',\n\n\t"statistics":\n\t{\n' +
              `\t\t"elapsed": ${formatFloat(stats.elapsedSeconds)},\n` +
              `\t\t"rows_read": ${stats.rowsRead},\n` +
              `\t\t"bytes_read": ${stats.bytesRead}\n\t}`;
          }
          return out + '\n}\n';
        },
        exceptionSuffix(message: string) {
          return `${rowsPart()},\n\n\t"exception": ${jsonString(message, opts.escapeSlashes)}\n}\n`;
        },
      };
    },
  };
}

export const jsonOutputs: OutputFormat[] = [jsonDocument('JSON', false), jsonDocument('JSONCompact', true)];
