// CustomSeparated, +WithNames, +WithNamesAndTypes (CustomSeparatedRowOutputFormat):
// TabSeparated's shape with every delimiter and the escaping rule taken from
// the format_custom_* settings. The header lines are strings written by the
// same rule.

import type { ColumnDef } from '../../engine/api.ts';
import { T } from '../../engine/types.ts';
import { escapingRuleOf, serializeByEscapingRule } from './escaping-rules.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

function customOutput(name: string, names: boolean, types: boolean): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const setting = (key: string): string => String(ctx.settings.get(`format_custom_${key}`));
      const rule = escapingRuleOf(setting('escaping_rule'));
      const [before, field, after, between] = ['row_before_delimiter', 'field_delimiter', 'row_after_delimiter', 'row_between_delimiter'].map(setting);
      const line = (cells: string[]): string => before + cells.join(field) + after;
      let rows = 0;
      return {
        prefix() {
          let out = setting('result_before_delimiter');
          if (names) out += line(columns.map((c) => serializeByEscapingRule(T.String, c.name, rule, ctx))) + between;
          if (types) out += line(columns.map((c) => serializeByEscapingRule(T.String, c.type.name, rule, ctx))) + between;
          return out;
        },
        block(block) {
          let out = '';
          for (const row of block) {
            if (rows++ > 0) out += between;
            out += line(columns.map((c, i) => serializeByEscapingRule(c.type, row[i], rule, ctx)));
          }
          return out;
        },
        suffix: () => setting('result_after_delimiter'),
      };
    },
  };
}

export const customSeparatedOutputs: OutputFormat[] = [
  customOutput('CustomSeparated', false, false),
  customOutput('CustomSeparatedWithNames', true, false),
  customOutput('CustomSeparatedWithNamesAndTypes', true, true),
];
