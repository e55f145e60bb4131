// JSONColumns, JSONCompactColumns and JSONColumnsWithMetadata
// (JSONColumnsBlockOutputFormatBase): the whole result as one block, written
// column by column — each column a JSON array of its values joined by ", ".
// The rows are held until the end, as ClickHouse holds them (mono_chunk).
// Without rows, JSONColumns still names every column with an empty array;
// the other two write an empty object or array.

import type { ColumnDef } from '../../engine/api.ts';
import { jsonMeta, jsonTail } from './json.ts';
import { jsonOptions, jsonString, jsonValue } from './text.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

const CONTENT_TYPE = 'application/json; charset=UTF-8';
type Shape = 'object' | 'array' | 'metadata';

function columnsOutput(name: string, shape: Shape): OutputFormat {
  return {
    name,
    contentType: () => CONTENT_TYPE,
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const writeStatistics = Boolean(ctx.settings.get('output_format_write_statistics'));
      const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
      const held: (readonly unknown[])[] = [];
      // One level deeper inside WithMetadata's "data" object.
      const indent = shape === 'metadata' ? '\t\t' : '\t';
      const body = (): string => {
        if (held.length === 0 && shape !== 'object') return '';
        const lines = columns.map((c, i) => {
          const values = held.map((row) => jsonValue(c.type, row[i], ctx, opts)).join(', ');
          return `${indent}${shape === 'array' ? '' : `${keys[i]}: `}[${values}]`;
        });
        return lines.join(',\n');
      };
      return {
        prefix: () => (shape === 'metadata' ? `{\n${jsonMeta(columns)},\n\n` : ''),
        block(rows) {
          for (const row of rows) held.push(row);
          return '';
        },
        suffix(stats: OutputStatistics) {
          if (shape === 'object') return `{\n${body()}\n}\n`;
          if (shape === 'array') return `[\n${body()}\n]\n`;
          return `\t"data":\n\t{\n${body()}\n\t},\n\n${jsonTail(held.length, stats, writeStatistics)}`;
        },
      };
    },
  };
}

export const jsonColumnsOutputs: OutputFormat[] = [
  columnsOutput('JSONColumns', 'object'),
  columnsOutput('JSONCompactColumns', 'array'),
  columnsOutput('JSONColumnsWithMetadata', 'metadata'),
];
