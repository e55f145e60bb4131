// Vertical (VerticalRowOutputFormat): rows titled `Row N:` and underlined,
// then one `name: value` line a column, names padded to the widest (cut in
// the middle when too long, as Pretty cuts them), NULL as ᴺᵁᴸᴸ, a readable
// tip after large numbers. Pretty falls back to this writer for wide, short
// tables, so it is a class of its own.

import type { ColumnDef, SettingsView } from '../../engine/api.ts';
import type { DataType } from '../../engine/types.ts';
import { isNumber, unwrapNullable } from '../../engine/types.ts';
import { highlightDigitGroups, highlightTrailingSpaces, readableNumberTip, truncateName } from './pretty-width.ts';
import { prettyField } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

/** output_format_pretty_color: 1 always, `auto` only on a terminal — and HTTP is none. */
export function prettyColor(settings: SettingsView): boolean {
  return String(settings.get('output_format_pretty_color')) === '1';
}

/** ClickHouse's isNumber: integers, floats and decimals (the values that get a readable tip). */
export function isNumeric(type: DataType): boolean {
  const t = unwrapNullable(type);
  return isNumber(t) || t.kind === 'Decimal';
}

export class VerticalWriter {
  private readonly labels: string[];
  private readonly numeric: boolean[];
  private readonly maxRows: number;
  private readonly color: boolean;
  private readonly columns: readonly ColumnDef[];
  private readonly ctx: FormatContext;
  rowNumber = 0;

  private readonly text: (type: DataType, value: unknown) => string;

  /** `text` is how Pretty, falling back to this writer, has already drawn the values (named tuples as JSON). */
  constructor(columns: readonly ColumnDef[], ctx: FormatContext, text?: (type: DataType, value: unknown) => string) {
    this.text = text ?? ((type, value) => prettyField(type, value, ctx));
    const s = ctx.settings;
    this.columns = columns;
    this.ctx = ctx;
    this.maxRows = Number(s.get('output_format_pretty_max_rows'));
    this.color = prettyColor(s);
    const ascii = String(s.get('output_format_pretty_grid_charset')).toUpperCase() !== 'UTF-8';
    const names = columns.map((c) => truncateName(c.name, Number(s.get('output_format_pretty_max_column_name_width_cut_to')),
      Number(s.get('output_format_pretty_max_column_name_width_min_chars_to_cut')), ascii));
    const widest = Math.max(0, ...names.map(([, w]) => w));
    this.labels = names.map(([name, w]) =>
      (this.color ? `\x1b[1m${name}:\x1b[0m ` : `${name}: `) + ' '.repeat(widest - w));
    this.numeric = columns.map((c) => isNumeric(c.type));
  }

  /** writeRowBetweenDelimiter */
  between(): string {
    return this.rowNumber > this.maxRows ? '' : '\n';
  }

  /** writeRowStartDelimiter, the fields and nothing after them. */
  row(values: readonly unknown[]): string {
    this.rowNumber++;
    if (this.rowNumber > this.maxRows) return '';
    // ClickHouse sizes the rule by log10(n + 1), so `Row 9:` gets seven dashes.
    let out = `Row ${this.rowNumber}:\n${'─'.repeat(Math.floor(Math.log10(this.rowNumber + 1)) + 1 + 'Row :'.length)}\n`;
    const threshold = Number(this.ctx.settings.get('output_format_pretty_single_large_number_tip_threshold'));
    const digitGroups = Boolean(this.ctx.settings.get('output_format_pretty_highlight_digit_groups'));
    const trailing = Boolean(this.ctx.settings.get('output_format_pretty_highlight_trailing_spaces'));
    this.columns.forEach((c, i) => {
      let text = this.text(c.type, values[i]);
      if (this.color && digitGroups && this.numeric[i]) text = highlightDigitGroups(text);
      if (this.color && trailing) text = highlightTrailingSpaces(text);
      out += this.labels[i] + text + (this.numeric[i] ? readableNumberTip(values[i], threshold, this.color) : '') + '\n';
    });
    return out;
  }

  suffix(): string {
    return this.rowNumber > this.maxRows ? `Showed first ${this.maxRows}.\n` : '';
  }
}

const verticalOutput: OutputFormat = {
  name: 'Vertical',
  contentType: () => 'text/plain; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const writer = new VerticalWriter(columns, ctx);
    return {
      prefix: () => '',
      block(rows) {
        let out = '';
        for (const row of rows) out += (writer.rowNumber > 0 ? writer.between() : '') + writer.row(row);
        return out;
      },
      suffix: () => writer.suffix(),
    };
  },
};

export const verticalOutputs: OutputFormat[] = [verticalOutput];
