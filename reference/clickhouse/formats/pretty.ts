// Pretty, PrettyCompact, PrettySpace (and their NoEscapes/MonoBlock names):
// one table per block, as PrettyBlockOutputFormat draws it in 24.8 —
// row numbers on (24.3+), column names repeated in the footer from 50 rows
// (24.6+), no ANSI colours over HTTP (colour `auto` and no terminal, 24.1+).

import type { ColumnDef } from '../../engine/api.ts';
import type { DataType } from '../../engine/types.ts';
import { isNumber } from '../../engine/types.ts';
import { prettyField } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

type Style = 'full' | 'compact' | 'space';

// ┏━┳┓ header top, ┡━╇┩ header bottom, ├─┼┤ row separator, └─┴┘ bottom,
// ┢━╈┪ footer top, ┗━┻┛ footer bottom, ┌─┬┐ compact top.
const UTF8_GRID = [
  ['┏', '━', '┳', '┓'], ['┡', '━', '╇', '┩'], ['├', '─', '┼', '┤'], ['└', '─', '┴', '┘'],
  ['┢', '━', '╈', '┪'], ['┗', '━', '┻', '┛'], ['┌', '─', '┬', '┐'],
] as const;
const ASCII_GRID = Array.from({ length: 7 }, () => ['+', '-', '+', '+'] as const);

/** Visible width of text: East Asian wide characters take two cells, combining marks none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f)
    || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
    || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
    || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

// Bool is a UInt8 underneath, so ClickHouse right-aligns it like any number.
const alignRight = (t: DataType): boolean => {
  const b = t.kind === 'Nullable' ? t.inner! : t;
  return isNumber(b) || b.kind === 'Bool';
};

/** formatReadableQuantity(value, 2): the tip printed beside a single large number. */
export function readableQuantity(value: number): string {
  const units = ['', ' thousand', ' million', ' billion', ' trillion', ' quadrillion', ' quintillion', ' sextillion', ' septillion'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return v.toFixed(2) + units[i];
}

function prettyOutput(name: string, style: Style, mono: boolean): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const s = ctx.settings;
      const maxRows = Number(s.get('output_format_pretty_max_rows'));
      const padCap = Number(s.get('output_format_pretty_max_column_pad_width'));
      const maxValueWidth = Number(s.get('output_format_pretty_max_value_width'));
      const cutSingle = Boolean(s.get('output_format_pretty_max_value_width_apply_for_single_value'));
      const rowNumbers = Boolean(s.get('output_format_pretty_row_numbers'));
      const footerNames = Number(s.get('output_format_pretty_display_footer_column_names')) !== 0;
      const footerMinRows = Number(s.get('output_format_pretty_display_footer_column_names_min_rows'));
      const tipThreshold = Number(s.get('output_format_pretty_single_large_number_tip_threshold'));
      const ascii = String(s.get('output_format_pretty_grid_charset')).toUpperCase() !== 'UTF-8';
      const grid = ascii ? ASCII_GRID : UTF8_GRID;
      const vBold = ascii ? '|' : '┃';
      const vBar = ascii ? '|' : '│';
      const hBar = ascii ? '-' : '─';
      const ellipsis = ascii ? '~' : '⋯';
      const singleNumber = columns.length === 1 && isNumber(columns[0]!.type.kind === 'Nullable' ? columns[0]!.type.inner! : columns[0]!.type);
      const held: unknown[][] = [];
      let totalRows = 0;

      const writeChunk = (rows: readonly unknown[][]): string => {
        const numRows = rows.length;
        const rowNumberWidth = Math.floor(Math.log10(numRows + totalRows)) + 3;
        const leftBlank = rowNumbers ? ' '.repeat(rowNumberWidth) : '';
        const cutTo = !cutSingle && numRows === 1 && columns.length === 1 && totalRows === 0 ? 0 : maxValueWidth;
        const shown = rows.slice(0, Math.max(0, maxRows - totalRows));

        // Widths of values and names.
        const texts = shown.map((row) => columns.map((c, i) => prettyField(c.type, row[i], ctx)));
        const widths = texts.map((cells) => cells.map(displayWidth));
        const nameWidths = columns.map((c) => Math.min(padCap, displayWidth(c.name)));
        const maxWidths = columns.map((_, i) => {
          let m = 0;
          for (const w of widths) m = Math.max(m, Math.min(padCap, maxValueWidth, w[i]!));
          return Math.max(m, nameWidths[i]!);
        });

        const line = (part: readonly string[]): string =>
          leftBlank + part[0] + maxWidths.map((w) => part[1]!.repeat(w + 2)).join(part[2]) + part[3] + '\n';
        const names = (top: boolean): string => {
          let out = leftBlank;
          const g = grid[top ? 6 : 3];
          if (style === 'full') out += vBold + ' ';
          else if (style === 'compact') out += g[0] + hBar;
          else out += ' ';
          columns.forEach((c, i) => {
            if (i > 0) {
              if (style === 'full') out += ` ${vBold} `;
              else if (style === 'compact') out += hBar + g[2] + hBar;
              else out += '   ';
            }
            const pad = (style === 'compact' ? hBar : ' ').repeat(Math.max(0, maxWidths[i]! - nameWidths[i]!));
            out += alignRight(c.type) ? pad + c.name : c.name + pad;
          });
          if (style === 'full') out += ` ${vBold}`;
          else if (style === 'compact') out += hBar + g[3];
          return out + '\n';
        };
        const value = (text: string, width: number, i: number): string => {
          let t = text;
          let w = width;
          let cut = false;
          if (cutTo && w > cutTo) {
            let acc = '';
            let aw = 0;
            for (const ch of t) {
              const cw = displayWidth(ch);
              if (aw + cw > maxValueWidth) break;
              acc += ch;
              aw += cw;
            }
            t = acc + ellipsis;
            w = maxValueWidth;
            cut = true;
          }
          const pad = ' '.repeat(Math.max(0, maxWidths[i]! - w));
          return ' ' + (alignRight(columns[i]!.type) ? pad + t : t + pad) + (cut ? '' : ' ');
        };

        let out = '';
        if (style === 'full') out += line(grid[0]);
        out += names(true);
        if (style === 'full') out += line(grid[1]);
        if (style === 'space') out += '\n';
        texts.forEach((cells, r) => {
          if (r > 0 && style === 'full') out += line(grid[2]);
          if (rowNumbers) {
            const label = `${r + 1 + totalRows}. `;
            out += ' '.repeat(Math.max(0, rowNumberWidth - label.length)) + label;
          }
          cells.forEach((text, i) => {
            if (style !== 'space') out += vBar;
            else if (i > 0) out += ' ';
            out += value(text, widths[r]![i]!, i);
          });
          if (style !== 'space') out += vBar;
          if (singleNumber && numRows === 1 && tipThreshold > 0) {
            const x = Number(rows[0]![0]);
            if (rows[0]![0] !== null && Number.isFinite(x) && Math.abs(x) > tipThreshold) out += ` -- ${readableQuantity(x)}`;
          }
          out += '\n';
        });
        if (footerNames && numRows >= footerMinRows) {
          if (style === 'full') out += line(grid[4]);
          if (style === 'space') out += '\n';
          out += names(false);
          if (style === 'full') out += line(grid[5]);
        } else if (style !== 'space') {
          out += line(grid[3]);
        }
        totalRows += numRows;
        return out;
      };

      return {
        prefix: () => '',
        block(rows) {
          if (rows.length === 0) return '';
          if (mono) {
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
          const out = held.length > 0 ? writeChunk(held) : '';
          if (totalRows < maxRows) return out;
          return out + (style === 'space' ? `\nShowed first ${maxRows}.\n` : `  Showed first ${maxRows}.\n`);
        },
      };
    },
  };
}

const STYLES: [string, Style][] = [['Pretty', 'full'], ['PrettyCompact', 'compact'], ['PrettySpace', 'space']];

export const prettyOutputs: OutputFormat[] = STYLES.flatMap(([base, style]) =>
  ['', 'NoEscapes', 'MonoBlock', 'NoEscapesMonoBlock'].map((suffix) => prettyOutput(base + suffix, style, suffix.endsWith('MonoBlock'))));
