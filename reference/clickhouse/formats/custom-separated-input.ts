// CustomSeparated as input (CustomSeparatedRowInputFormat), and its
// IgnoreSpaces forms that allow blanks around every delimiter: the result's
// prefix, the rows with their before/field/after delimiters and the
// delimiter between rows, then the result's suffix, every value read by the
// format_custom_escaping_rule. WithNames maps the header onto the table by
// name; WithNamesAndTypes checks the types line too.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { T, parseType, readQuotedValue } from '../../engine/types.ts';
import { escapingRuleOf, type EscapingRule } from './escaping-rules.ts';
import { atRow, emptyRow, identityMap, mapHeader, parseDelimitedField, parseField, type FieldMap } from './input-rows.ts';
import { JsonReader } from './json-each-row.ts';
import { jsonField } from './json-input.ts';
import { unescapeTsv } from './tab-separated.ts';
import type { InputContext, InputFormat } from './types.ts';

const show = (s: string): string => s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll("'", "\\'");

class Cursor {
  pos = 0;
  readonly text: string;
  readonly ignoreSpaces: boolean;
  constructor(text: string, ignoreSpaces: boolean) {
    this.text = text;
    this.ignoreSpaces = ignoreSpaces;
  }
  blanks(): void {
    if (this.ignoreSpaces) while (this.pos < this.text.length && /[ \t\r\n]/.test(this.text[this.pos]!)) this.pos++;
  }
  expect(delimiter: string): void {
    this.blanks();
    if (!this.text.startsWith(delimiter, this.pos)) {
      throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED',
        `Cannot parse input: expected '${show(delimiter)}' before: '${show(this.text.slice(this.pos, this.pos + 40))}'`);
    }
    this.pos += delimiter.length;
    this.blanks();
  }
  /** The text up to the nearest of `delimiters` (or the end), which is not consumed. */
  until(delimiters: readonly string[]): string {
    let end = this.text.length;
    for (const d of delimiters) {
      const at = d === '' ? -1 : this.text.indexOf(d, this.pos);
      if (at >= 0 && at < end) end = at;
    }
    let field = this.text.slice(this.pos, end);
    this.pos = end;
    if (this.ignoreSpaces) field = field.replace(/[ \t\r\n]+$/, '');
    return field;
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
}

/** One value by the escaping rule; `next` are the delimiters that may follow it. */
function readValue(r: Cursor, type: DataType, rule: EscapingRule, next: readonly string[], ctx: InputContext): unknown {
  switch (rule) {
    case 'Quoted': {
      const { value, end } = readQuotedValue(type, r.text, r.pos, ctx.timezone);
      r.pos = end;
      return value;
    }
    case 'JSON': {
      const json = new JsonReader(r.text);
      json.pos = r.pos;
      const value = json.value();
      r.pos = json.pos;
      return jsonField(type, value, ctx, false);
    }
    case 'CSV': {
      if (r.text[r.pos] === '"') {
        let out = '';
        let i = r.pos + 1;
        for (;;) {
          if (i >= r.text.length) throw new EngineError('CANNOT_PARSE_QUOTED_STRING', 'Cannot parse CSV string: expected closing quote');
          if (r.text[i] === '"') {
            if (r.text[i + 1] === '"') {
              out += '"';
              i += 2;
              continue;
            }
            break;
          }
          out += r.text[i++];
        }
        r.pos = i + 1;
        return parseField(type, out, false, ctx);
      }
      const raw = r.until(next);
      return parseDelimitedField(type, raw, raw === '\\N', ctx, next[0]!, r.rest());
    }
    case 'Escaped': {
      const raw = r.until(next);
      return parseDelimitedField(type, unescapeTsv(raw), raw === '\\N', ctx, next[0]!, r.rest());
    }
    case 'Raw':
      return parseDelimitedField(type, r.until(next), false, ctx, next[0]!, r.rest());
    default:
      throw new EngineError('BAD_ARGUMENTS', `Escaping rule ${rule} is not suitable for deserialization`);
  }
}

function customInput(name: string, names: boolean, types: boolean, ignoreSpaces: boolean): InputFormat {
  return {
    name,
    read(text: string, columns: readonly ColumnDef[], ctx: InputContext): unknown[][] {
      const setting = (key: string): string => String(ctx.settings.get(`format_custom_${key}`));
      const rule = escapingRuleOf(setting('escaping_rule'));
      const [before, field, after, between] = ['row_before_delimiter', 'field_delimiter', 'row_after_delimiter', 'row_between_delimiter'].map(setting);
      const resultAfter = setting('result_after_delimiter');
      const r = new Cursor(text, ignoreSpaces);
      const atEnd = (): boolean => {
        const rest = r.rest();
        return (ignoreSpaces ? rest.trim() : rest) === (ignoreSpaces ? resultAfter.trim() : resultAfter);
      };
      const line = (count: number, typeOf: (i: number) => DataType): unknown[] => {
        r.expect(before!);
        const values: unknown[] = [];
        for (let i = 0; i < count; i++) {
          if (i > 0) r.expect(field!);
          values.push(readValue(r, typeOf(i), rule, [i < count - 1 ? field! : after!], ctx));
        }
        r.expect(after!);
        return values;
      };
      r.expect(setting('result_before_delimiter'));
      let map: FieldMap = identityMap(columns);
      let lines = 0;
      const headerLine = (): string[] => {
        if (lines++ > 0) r.expect(between!);
        // The header has as many fields as the row has: read up to the row's end.
        const cells: string[] = [];
        r.expect(before!);
        for (;;) {
          cells.push(String(readValue(r, T.String, rule, [field!, after!], ctx)));
          r.blanks();
          if (!r.text.startsWith(field!, r.pos) || field === after) break;
          r.expect(field!);
        }
        r.expect(after!);
        return cells;
      };
      if (names && !atEnd()) map = mapHeader(headerLine(), columns, ctx);
      if (types && !atEnd()) {
        const typeNames = headerLine();
        if (ctx.settings.get('input_format_with_types_use_header')) {
          typeNames.forEach((typeName, i) => {
            const target = map[i];
            if (target === undefined || target < 0) return;
            const col = columns[target]!;
            if (parseType(typeName).name !== col.type.name) {
              throw new EngineError('INCORRECT_DATA', `Type of '${col.name}' must be ${col.type.name}, not ${typeName}: (while reading header)`);
            }
          });
        }
      }
      const rows: unknown[][] = [];
      while (!atEnd() && r.pos < r.text.length) {
        try {
          if (lines++ > 0) r.expect(between!);
          const values = line(map.length, (i) => (map[i]! >= 0 ? columns[map[i]!]!.type : T.String));
          const row = emptyRow(columns);
          values.forEach((v, i) => {
            if (map[i]! >= 0) row[map[i]!] = v;
          });
          rows.push(row);
        } catch (err) {
          atRow(err, rows.length + 1);
        }
      }
      return rows;
    },
  };
}

export const customSeparatedInputs: InputFormat[] = [false, true].flatMap((ignoreSpaces) => {
  const base = ignoreSpaces ? 'CustomSeparatedIgnoreSpaces' : 'CustomSeparated';
  return [customInput(base, false, false, ignoreSpaces), customInput(`${base}WithNames`, true, false, ignoreSpaces),
    customInput(`${base}WithNamesAndTypes`, true, true, ignoreSpaces)];
});
