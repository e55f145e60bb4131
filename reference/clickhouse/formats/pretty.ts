// Pretty, PrettyCompact, PrettySpace and their NoEscapes/MonoBlock names, as
// PrettyBlockOutputFormat draws them in 26.7: row numbers, column names cut
// in the middle when too long, multi-line values kept inside their cells
// (↴ and ↳), the rows past output_format_pretty_max_rows cut from the
// middle of the table, names repeated in the footer from 50 rows, a readable
// tip beside a large number in the last column, a fallback to Vertical for short wide
// tables, and ANSI colours only when output_format_pretty_color is 1 (HTTP is
// no terminal, so `auto` means none). MonoBlock draws one table at the end;
// so do the others while output_format_pretty_squash_consecutive_ms is on (it
// squashes blocks that come within 50 ms of each other, and this engine's
// blocks all do), else one table a block.

import type { ColumnDef } from '../../engine/api.ts';
import type { DataType } from '../../engine/types.ts';
import { unwrapNullable } from '../../engine/types.ts';
import {
  GRAY, RESET, cutToWidth, displayWidth, highlightDigitGroups, highlightTrailingSpaces, readableNumberTip, truncateName,
} from './pretty-width.ts';
import { jsonOptions, jsonPretty, prettyField } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';
import { VerticalWriter, isNumeric, prettyColor } from './vertical.ts';

type Style = 'full' | 'compact' | 'space';

// ┏━┳┓ header top, ┡━╇┩ header bottom, ├─┼┤ row separator, └─┴┘ bottom,
// ┢━╈┪ footer top, ┗━┻┛ footer bottom, ┌─┬┐ compact top.
const UTF8_GRID = [
  ['┏', '━', '┳', '┓'], ['┡', '━', '╇', '┩'], ['├', '─', '┼', '┤'], ['└', '─', '┴', '┘'],
  ['┢', '━', '╈', '┪'], ['┗', '━', '┻', '┛'], ['┌', '─', '┬', '┐'],
] as const;
const ASCII_GRID = Array.from({ length: 7 }, () => ['+', '-', '+', '+'] as const);

/** shouldAlignRightInPrettyFormats: numbers and dates; not Bool, UUID, strings or arrays. */
export function alignRight(type: DataType): boolean {
  const t = unwrapNullable(type);
  return isNumeric(t) || ['Date', 'Date32', 'DateTime', 'DateTime64'].includes(t.kind);
}

/** cutInTheMiddle: past max_rows, the first half and the last half of the rows are shown. */
function cutInTheMiddle(row: number, numRows: number, maxRows: number): boolean {
  return numRows > maxRows && !(row < Math.floor((maxRows + 1) / 2) || row >= numRows - Math.floor(maxRows / 2));
}

/**
 * output_format_pretty_named_tuples_as_json: a named tuple (alone or in an
 * array) is drawn as a pretty JSON object, two spaces in and one more a level
 * below that; everything else as its text.
 */
function cellText(type: DataType, value: unknown, ctx: FormatContext, asJson: boolean): string {
  const t = unwrapNullable(type);
  if (asJson && value !== null) {
    if (t.kind === 'Tuple' && t.names) return jsonPretty(t, value, ctx, jsonOptions(ctx), namedTupleIndent, 0);
    const inner = t.kind === 'Array' ? unwrapNullable(t.inner!) : undefined;
    if (inner?.kind === 'Tuple' && inner.names) {
      return `[${(value as unknown[]).map((v) => jsonPretty(inner, v, ctx, jsonOptions(ctx), namedTupleIndent, 0)).join(',')}]`;
    }
  }
  return prettyField(type, value, ctx);
}

const namedTupleIndent = (level: number): string => (level === 0 ? '' : ' '.repeat(level + 1));

/** The text of one value split into its lines (one line unless multi-line fields are on). */
function linesOf(text: string, multiline: boolean): string[] {
  return multiline ? text.split('\n') : [text];
}

function prettyOutput(name: string, style: Style, noEscapes: boolean, mono: boolean): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const s = ctx.settings;
      const num = (key: string): number => Number(s.get(key));
      const maxRows = num('output_format_pretty_max_rows');
      const padCap = num('output_format_pretty_max_column_pad_width');
      const maxValueWidth = num('output_format_pretty_max_value_width');
      const cutSingle = Boolean(s.get('output_format_pretty_max_value_width_apply_for_single_value'));
      const rowNumbers = Boolean(s.get('output_format_pretty_row_numbers'));
      const footerNames = num('output_format_pretty_display_footer_column_names') !== 0;
      const footerMinRows = num('output_format_pretty_display_footer_column_names_min_rows');
      const tipThreshold = num('output_format_pretty_single_large_number_tip_threshold');
      const nameCutTo = num('output_format_pretty_max_column_name_width_cut_to');
      const nameMinCut = num('output_format_pretty_max_column_name_width_min_chars_to_cut');
      const multiline = Boolean(s.get('output_format_pretty_multiline_fields'));
      const fallback = Boolean(s.get('output_format_pretty_fallback_to_vertical'));
      const fallbackMaxRows = num('output_format_pretty_fallback_to_vertical_max_rows_per_chunk');
      const fallbackMinColumns = num('output_format_pretty_fallback_to_vertical_min_columns');
      const fallbackMinWidth = num('output_format_pretty_fallback_to_vertical_min_table_width');
      const color = !noEscapes && prettyColor(s);
      const namedTuplesAsJson = Boolean(s.get('output_format_pretty_named_tuples_as_json'));
      const digitGroups = color && Boolean(s.get('output_format_pretty_highlight_digit_groups'));
      const trailingSpaces = color && Boolean(s.get('output_format_pretty_highlight_trailing_spaces'));
      const ascii = String(s.get('output_format_pretty_grid_charset')).toUpperCase() !== 'UTF-8';
      const grid = ascii ? ASCII_GRID : UTF8_GRID;
      const vBold = ascii ? '|' : '┃';
      const vBar = ascii ? '|' : '│';
      const hBar = ascii ? '-' : '─';
      const ellipsis = ascii ? '~' : '⋯';
      const lineFeed = ascii ? '\\' : '↴';
      const lineContinuation = ascii ? '>' : '↳';
      // 26.7 writes the tip after every line of a row whose last column is a large number.
      const numberTip = columns.length > 0 && isNumeric(columns[columns.length - 1]!.type);
      const right = columns.map((c) => alignRight(c.type));
      const numeric = columns.map((c) => isNumeric(c.type));
      const squash = mono || num('output_format_pretty_squash_consecutive_ms') > 0;
      const held: unknown[][] = [];
      let totalRows = 0;
      let displayedRows = 0;
      let vertical: VerticalWriter | undefined;

      const writeChunk = (rows: readonly unknown[][]): string => {
        const numRows = rows.length;
        const cutTo = !cutSingle && numRows === 1 && columns.length === 1 && totalRows === 0 ? 0 : maxValueWidth;
        const rowNumberWidth = Math.floor(Math.log10(numRows + totalRows)) + 3;
        const basePrefix = rowNumberWidth + (style === 'space' ? 1 : 2);

        // calculateWidths: the widest line of each shown value and of each (cut) name.
        const shown = rows.map((_, r) => r).filter((r) => !cutInTheMiddle(r, numRows, maxRows));
        const texts = shown.map((r) => columns.map((c, i) => cellText(c.type, rows[r]![i], ctx, namedTuplesAsJson)));
        const widths = texts.map(() => columns.map(() => 0));
        const maxWidths = columns.map(() => 0);
        const names: string[] = [];
        const nameWidths: number[] = [];
        let hasNewlines = false;
        let prefix = basePrefix;
        columns.forEach((c, i) => {
          texts.forEach((cells, k) => {
            // Only the first max_value_width * 4 bytes are measured.
            let text = cells[i]!;
            if (maxValueWidth && Buffer.byteLength(text) > maxValueWidth * 4) {
              text = Buffer.from(text).subarray(0, maxValueWidth * 4).toString();
            }
            const lines = linesOf(text, multiline);
            if (lines.length > 1) hasNewlines = true;
            for (const line of lines) {
              widths[k]![i] = Math.max(widths[k]![i]!, displayWidth(line, prefix));
              maxWidths[i] = Math.max(maxWidths[i]!, Math.min(padCap, maxValueWidth || Infinity, widths[k]![i]!));
            }
          });
          const [cut, width] = truncateName(c.name, nameCutTo ? Math.max(maxWidths[i]!, nameCutTo) : 0, nameMinCut, ascii);
          names.push(cut);
          nameWidths.push(Math.min(padCap, width));
          maxWidths[i] = Math.max(maxWidths[i]!, nameWidths[i]!);
          prefix += maxWidths[i]! + 3;
        });

        const tableWidth = maxWidths.reduce((a, b) => a + b, 0);
        if (fallback && displayedRows === 0 && numRows <= fallbackMaxRows && columns.length >= fallbackMinColumns
          && (tableWidth >= fallbackMinWidth || hasNewlines)) {
          vertical ??= new VerticalWriter(columns, ctx, (type, value) => cellText(type, value, ctx, namedTuplesAsJson));
        }
        if (vertical) {
          let out = '';
          for (let i = 0; i < numRows && displayedRows < maxRows; i++) {
            if (i !== 0) out += vertical.between();
            out += vertical.row(rows[i]!);
            displayedRows++;
          }
          return out;
        }

        const leftBlank = rowNumbers ? ' '.repeat(rowNumberWidth) : '';
        const line = (part: readonly string[]): string =>
          leftBlank + part[0] + maxWidths.map((w) => part[1]!.repeat(w + 2)).join(part[2]) + part[3] + '\n';
        const headerBegin = style === 'full' ? line(grid[0]) : '';
        const headerEnd = style === 'full' ? line(grid[1]) : style === 'space' ? '\n' : '';
        const rowsSeparator = style === 'full' ? line(grid[2]) : '';
        const rowsEnd = style === 'space' ? '' : line(grid[3]);
        const footerBegin = style === 'full' ? line(grid[4]) : style === 'space' ? '\n' : '';
        const footerEnd = style === 'full' ? line(grid[5]) : style === 'space' ? '\n' : '';
        const fillerSize = maxWidths.reduce((a, w) => a + w + 3, 0) + (style === 'space' ? -2 : 1);
        const verticalFiller = leftBlank + Array.from({ length: Math.max(0, fillerSize) }, (_, i) => (i % 2 ? ' ' : hBar)).join('') + '\n';

        const writeNames = (top: boolean): string => {
          const g = grid[top ? 6 : 3];
          let out = leftBlank;
          if (style === 'full') out += vBold + ' ';
          else if (style === 'compact') out += g[0] + hBar;
          else out += ' ';
          columns.forEach((_, i) => {
            if (i > 0) {
              if (style === 'full') out += ` ${vBold} `;
              else if (style === 'compact') out += hBar + g[2] + hBar;
              else out += '   ';
            }
            const value = color ? `\x1b[1m${names[i]}\x1b[0m` : names[i]!;
            const pad = (style === 'compact' ? hBar : ' ').repeat(Math.max(0, maxWidths[i]! - nameWidths[i]!));
            out += right[i] ? pad + value : value + pad;
          });
          if (style === 'full') out += ` ${vBold}`;
          else if (style === 'compact') out += hBar + g[3];
          return out + '\n';
        };

        // writeValueWithPadding for one line of a value. Widths of later lines are measured
        // from the row's left edge (ClickHouse's fixed prefix), not the column's.
        const cell = (text: string, lineIndex: number, i: number, measured: number): string => {
          const lines = linesOf(text, multiline);
          const done = lineIndex >= lines.length;
          let fragment = done ? '' : lines[lineIndex]!;
          let width = done ? 0 : multiline ? displayWidth(fragment, basePrefix) : measured;
          const continuation = !done && lineIndex > 0;
          const more = !done && lineIndex < lines.length - 1;
          if (digitGroups && numeric[i]) fragment = highlightDigitGroups(fragment);
          if (trailingSpaces) fragment = highlightTrailingSpaces(fragment);
          let cut = false;
          if (cutTo && width > cutTo) {
            cut = true;
            fragment = cutToWidth(fragment, basePrefix, maxValueWidth) + (color ? `\x1b[31;1m${ellipsis}${RESET}` : ellipsis);
            width = maxValueWidth;
          }
          const pad = ' '.repeat(Math.max(0, maxWidths[i]! - width));
          let out = continuation ? (color ? GRAY + lineContinuation + RESET : lineContinuation) : ' ';
          out += right[i] ? pad + fragment : fragment + pad;
          if (more) out += color ? GRAY + lineFeed + RESET : lineFeed;
          else if (!cut) out += ' ';
          return out;
        };

        let out = headerBegin + writeNames(true) + headerEnd;
        let fillerWritten = false;
        let shownIndex = 0;
        for (let r = 0; r < numRows && displayedRows < maxRows; r++) {
          if (cutInTheMiddle(r, numRows, maxRows)) {
            if (!fillerWritten) out += rowsSeparator + verticalFiller;
            fillerWritten = true;
            continue;
          }
          if (r !== 0) out += rowsSeparator;
          const cells = texts[shownIndex]!;
          const lineCount = Math.max(...cells.map((t) => linesOf(t, multiline).length));
          for (let l = 0; l < lineCount; l++) {
            if (rowNumbers) {
              if (l === 0) {
                const label = `${r + 1 + totalRows}. `;
                out += ' '.repeat(Math.max(0, rowNumberWidth - label.length)) + (color ? GRAY + label + RESET : label);
              } else {
                out += leftBlank;
              }
            }
            cells.forEach((text, i) => {
              if (style !== 'space') out += vBar;
              else if (i > 0) out += ' ';
              out += cell(text, l, i, widths[shownIndex]![i]!);
            });
            if (style !== 'space') out += vBar;
            if (numberTip) out += readableNumberTip(rows[r]![columns.length - 1], tipThreshold, color);
            out += '\n';
          }
          shownIndex++;
          displayedRows++;
        }
        out += footerNames && numRows >= footerMinRows ? footerBegin + writeNames(false) + footerEnd : rowsEnd;
        totalRows += numRows;
        return out;
      };

      return {
        prefix: () => '',
        block(rows) {
          if (rows.length === 0) return '';
          if (squash) {
            for (const r of rows) held.push(r);
            return '';
          }
          if (totalRows >= maxRows) {
            totalRows += rows.length;
            return '';
          }
          return writeChunk(rows);
        },
        suffix() {
          let out = held.length > 0 ? writeChunk(held) : '';
          if (totalRows >= maxRows) out += `${style === 'space' ? '\n' : ''}Showed ${displayedRows} out of ${totalRows} rows.\n`;
          return out;
        },
      };
    },
  };
}

const STYLES: [string, Style][] = [['Pretty', 'full'], ['PrettyCompact', 'compact'], ['PrettySpace', 'space']];

export const prettyOutputs: OutputFormat[] = STYLES.flatMap(([base, style]) =>
  ['', 'NoEscapes', 'MonoBlock', 'NoEscapesMonoBlock'].map((suffix) =>
    prettyOutput(base + suffix, style, suffix.startsWith('NoEscapes'), suffix.endsWith('MonoBlock'))));
