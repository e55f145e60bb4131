// TSKV: one line a row of tab-separated `name=value` fields, both sides
// escaped as TabSeparated escapes them and `=` in names escaped too
// (TSKVRowOutputFormat). On input (TSKVRowInputFormat) fields come in any
// order, missing ones take their defaults, an empty line is a row of
// defaults, and a bare `tskv` field is ignored.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { isNumber, unwrapNullable } from '../../engine/types.ts';
import { atRow, emptyRow, parseField } from './input-rows.ts';
import { unescapeTsv } from './tab-separated.ts';
import { escapeTsv, tsvField } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

const tskvOutput: OutputFormat = {
  name: 'TSKV',
  contentType: () => 'text/tab-separated-values; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const keys = columns.map((c) => `${escapeTsv(c.name).replaceAll('=', '\\=')}=`);
    return {
      prefix: () => '',
      block(rows) {
        let out = '';
        for (const row of rows) out += columns.map((c, i) => keys[i] + tsvField(c.type, row[i], ctx)).join('\t') + '\n';
        return out;
      },
      suffix: () => '',
    };
  },
};

/** The reader's position over the whole body. */
class Cursor {
  pos = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  get eof(): boolean {
    return this.pos >= this.text.length;
  }
  get char(): string | undefined {
    return this.text[this.pos];
  }
  /** readName: up to an unescaped tab, newline or `=`; whether a value follows. */
  name(): { name: string; hasValue: boolean } {
    let out = '';
    while (!this.eof) {
      const c = this.text[this.pos]!;
      if (c === '\\') {
        if (this.pos + 1 >= this.text.length) throw new EngineError('CANNOT_PARSE_ESCAPE_SEQUENCE', 'Cannot parse escape sequence');
        out += unescapeTsv(this.text.slice(this.pos, this.pos + 2));
        this.pos += 2;
        continue;
      }
      if (c === '\t' || c === '\n' || c === '=') {
        if (c === '=') this.pos++;
        return { name: out, hasValue: c === '=' };
      }
      out += c;
      this.pos++;
    }
    throw new EngineError('CANNOT_READ_ALL_DATA', 'Unexpected end of stream while reading key name from TSKV format');
  }
  /** An escaped value up to the next unescaped tab or newline, still escaped. */
  value(): string {
    const start = this.pos;
    while (!this.eof && this.text[this.pos] !== '\t' && this.text[this.pos] !== '\n') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    return this.text.slice(start, Math.min(this.pos, this.text.length));
  }
}

/**
 * A number that does not parse leaves text after what readText took, which
 * TSKV reports as garbage after the field.
 */
function tskvField(column: ColumnDef, text: string, isNull: boolean, ctx: FormatContext): unknown {
  try {
    return parseField(column.type, text, isNull, ctx);
  } catch (err) {
    if (!(err instanceof EngineError) || err.code !== 6 || !isNumber(unwrapNullable(column.type))) throw err;
    throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Found garbage after field in TSKV format: ${column.name}`);
  }
}

const tskvInput: InputFormat = {
  name: 'TSKV',
  read(text, columns, ctx) {
    const index = new Map(columns.map((c, i) => [c.name, i]));
    const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
    const nullText = String(ctx.settings.get('format_tsv_null_representation'));
    const r = new Cursor(text);
    const rows: unknown[][] = [];
    while (!r.eof) {
      const row = emptyRow(columns);
      try {
        if (r.char === '\n') {
          r.pos++;
        } else {
          const seen = new Set<number>();
          for (;;) {
            const { name, hasValue } = r.name();
            if (hasValue) {
              const raw = r.value();
              const i = index.get(name);
              if (i === undefined) {
                if (!skipUnknown) throw new EngineError('INCORRECT_DATA', `Unknown field found while parsing TSKV format: ${name}`);
              } else {
                if (seen.has(i)) throw new EngineError('INCORRECT_DATA', `Duplicate field found while parsing TSKV format: ${name}`);
                seen.add(i);
                row[i] = tskvField(columns[i]!, unescapeTsv(raw), raw === '\\N' || raw === nullText, ctx);
              }
            } else if (name !== 'tskv') {
              throw new EngineError('INCORRECT_DATA', `Found field without value while parsing TSKV format: ${name}`);
            }
            if (r.eof) throw new EngineError('CANNOT_READ_ALL_DATA', `Unexpected end of stream after field in TSKV format: ${name}`);
            const sep = r.char;
            r.pos++;
            if (sep === '\n') break;
          }
        }
      } catch (err) {
        atRow(err, rows.length + 1);
      }
      rows.push(row);
    }
    return rows;
  },
};

export const tskvOutputs: OutputFormat[] = [tskvOutput];
export const tskvInputs: InputFormat[] = [tskvInput];
