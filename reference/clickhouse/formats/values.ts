// Values: `(1,'a'),(2,'b')` — the literal syntax of INSERT … VALUES, rows
// separated by commas and no final newline. Input goes through the engine,
// because Values rows may hold SQL expressions.

import type { ColumnDef } from '../../engine/api.ts';
import { quotedField } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

const valuesOutput: OutputFormat = {
  name: 'Values',
  contentType: () => 'text/plain; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    let rows = 0;
    return {
      prefix: () => '',
      block(block) {
        let out = '';
        for (const row of block) {
          out += `${rows > 0 ? ',' : ''}(${columns.map((c, i) => quotedField(c.type, row[i], ctx)).join(',')})`;
          rows++;
        }
        return out;
      },
      suffix: () => '',
    };
  },
};

const valuesInput: InputFormat = {
  name: 'Values',
  read: (text, columns, ctx) => ctx.parseValues(text, [...columns]),
};

export const valuesOutputs: OutputFormat[] = [valuesOutput];
export const valuesInputs: InputFormat[] = [valuesInput];
