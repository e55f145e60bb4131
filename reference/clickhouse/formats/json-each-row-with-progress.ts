// JSONEachRowWithProgress, JSONStringsEachRowWithProgress and their Compact
// forms (25.x, rows as arrays) as 26.7 writes
// them (JSONEachRowWithProgressRowOutputFormat, reshaped by PR #74181 in
// 25.1): one JSON object a line, {"meta":[…]} before the rows, {"row":{…}} for each
// row, {"progress":{…}} as progress happens, {"rows_before_limit_at_least":N}
// after a LIMIT, and {"exception":"…"} for an error after the rows began. The
// Web UI reads its answers in the Strings one. This engine has no extremes or
// totals; its progress goes out before each block (ahead of the meta line
// with the first, as a quick query's does) when it moved since the last
// line, with the counters that are not zero, and never after the rows. (24.x wrote only rows
// and progress; the 24.8 mode writes 26.7's shape too.)

import type { ColumnDef } from '../../engine/api.ts';
import { jsonCell, jsonOptions, jsonString } from './text.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

function progressLine(stats: OutputStatistics): string {
  const counters: [string, number][] = [
    ['read_rows', stats.rowsRead],
    ['read_bytes', stats.bytesRead],
    ['total_rows_to_read', stats.totalRowsToRead ?? 0],
    ['elapsed_ns', Math.round(stats.elapsedSeconds * 1e9)],
  ];
  // Progress::empty(): no line when nothing was read.
  if (stats.rowsRead === 0 && stats.bytesRead === 0) return '';
  const shown = counters.filter(([, n]) => n > 0);
  return `{"progress":{${shown.map(([k, n]) => `"${k}":"${n}"`).join(',')}}}\n`;
}

function withProgress(name: string, asStrings: boolean, compact: boolean): OutputFormat {
  return {
    name,
    contentType: () => 'application/json; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
      // The Strings variant writes every value as the text of its value, NULL as ᴺᵁᴸᴸ (as 26.7 answers).
      const value = (c: ColumnDef, v: unknown): string => jsonCell(c.type, v, ctx, opts, asStrings);
      // The Compact ones write the row as JSONCompactEachRow does: an array, values joined by ", ".
      const row = (values: readonly unknown[]): string => (compact
        ? `[${columns.map((c, i) => value(c, values[i])).join(', ')}]`
        : `{${columns.map((c, i) => `${keys[i]}:${value(c, values[i])}`).join(',')}}`);
      const meta = columns.map((c, i) => `{"name":${keys[i]},"type":${jsonString(c.type.name, opts.escapeSlashes)}}`);
      // A progress line only when the counters moved since the last one.
      let reported = { rows: 0, bytes: 0 };
      const progress = (stats: OutputStatistics): string => {
        if (stats.rowsRead === reported.rows && stats.bytesRead === reported.bytes) return '';
        reported = { rows: stats.rowsRead, bytes: stats.bytesRead };
        return progressLine(stats);
      };
      return {
        prefix: () => `{"meta":[${meta.join(',')}]}\n`,
        block(block) {
          let out = '';
          for (const values of block) out += `{"row":${row(values)}}\n`;
          return out;
        },
        progress,
        // 26.7 writes no progress after the last rows, nor any when no rows came.
        suffix(stats: OutputStatistics) {
          let out = '';
          if (stats.rowsBeforeLimit !== undefined) out += `{"rows_before_limit_at_least":${stats.rowsBeforeLimit}}\n`;
          return out;
        },
        exceptionSuffix: (message) => `{"exception":${jsonString(message, opts.escapeSlashes)}}\n`,
      };
    },
  };
}

export const jsonEachRowWithProgressOutputs: OutputFormat[] = [
  withProgress('JSONEachRowWithProgress', false, false),
  withProgress('JSONStringsEachRowWithProgress', true, false),
  withProgress('JSONCompactEachRowWithProgress', false, true),
  withProgress('JSONCompactStringsEachRowWithProgress', true, true),
];
