// Markdown (and MD): a GitHub table — a names line, an alignment line
// (`-:` for the columns Pretty right-aligns, `:-` for the rest), then one
// line a row, values escaped as TabSeparated escapes them
// (MarkdownRowOutputFormat). output_format_markdown_escape_special_characters
// escapes Markdown's punctuation in String values instead, with a backslash
// (writeMarkdownEscapedString), leaving tabs and newlines as they are.

import type { ColumnDef } from '../../engine/api.ts';
import { unwrapNullable } from '../../engine/types.ts';
import { alignRight } from './pretty.ts';
import { escapeTsv, tsvField } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

const SPECIAL = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

function markdownOutput(name: string): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const escapeSpecial = Boolean(ctx.settings.get('output_format_markdown_escape_special_characters'));
      const field = (c: ColumnDef, v: unknown): string => (escapeSpecial && v !== null && unwrapNullable(c.type).kind === 'String'
        ? (v as string).replace(SPECIAL, (ch) => `\\${ch}`)
        : tsvField(c.type, v, ctx));
      return {
        prefix: () => `| ${columns.map((c) => escapeTsv(c.name)).join(' | ')} |\n|${columns.map((c) => (alignRight(c.type) ? '-:|' : ':-|')).join('')}\n`,
        block(rows) {
          let out = '';
          for (const row of rows) out += `| ${columns.map((c, i) => field(c, row[i])).join(' | ')} |\n`;
          return out;
        },
        suffix: () => '',
      };
    },
  };
}

export const markdownOutputs: OutputFormat[] = [markdownOutput('Markdown'), markdownOutput('MD')];
