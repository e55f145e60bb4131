// Vertical: one `name: value` line per column, rows titled `Row N:` and
// underlined, NULL shown as ᴺᵁᴸᴸ (VerticalRowOutputFormat).

import type { ColumnDef } from '../../engine/api.ts';
import { displayWidth } from './pretty.ts';
import { prettyField } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

const verticalOutput: OutputFormat = {
  name: 'Vertical',
  contentType: () => 'text/plain; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const maxRows = Number(ctx.settings.get('output_format_pretty_max_rows'));
    const widths = columns.map((c) => displayWidth(c.name));
    const maxWidth = Math.max(0, ...widths);
    const labels = columns.map((c, i) => `${c.name}: ${' '.repeat(maxWidth - widths[i]!)}`);
    let rowNumber = 0;
    return {
      prefix: () => '',
      block(rows) {
        let out = '';
        for (const row of rows) {
          rowNumber++;
          if (rowNumber > maxRows) continue;
          if (rowNumber > 1) out += '\n';
          // ClickHouse sizes the rule by log10(n + 1), so `Row 9:` gets seven dashes.
          const rule = Math.floor(Math.log10(rowNumber + 1)) + 1 + 'Row :'.length;
          out += `Row ${rowNumber}:\n${'─'.repeat(rule)}\n`;
          columns.forEach((c, i) => {
            out += labels[i] + prettyField(c.type, row[i], ctx) + '\n';
          });
        }
        return out;
      },
      suffix: () => (rowNumber > maxRows ? `Showed first ${maxRows}.\n` : ''),
    };
  },
};

export const verticalOutputs: OutputFormat[] = [verticalOutput];
