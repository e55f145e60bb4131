// ParsedTemplateFormatString: `delimiter ${name:Rule} delimiter ...`, the
// format strings of the Template format. `$$` is a literal `$`; a name may be
// bare (word characters), "double-quoted" or `back-quoted`; a name made of
// digits is an index. Parsing works on the UTF-8 bytes, as ClickHouse does, so
// the positions in its errors and the dump of a bad format string match.

import { EngineError } from '../../engine/errors.ts';
import { ServerError } from '../errors.ts';
import { escapingRuleOf } from './escaping-rules.ts';
import type { EscapingRule } from './escaping-rules.ts';

/** Maps a placeholder's name to a column (a row) or an output part (the result set); throws when unknown. */
export type IndexOfName = (name: string) => number;

/** One byte per char (latin1) ↔ text. */
const toBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const fromBytes = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

const WORD = /[A-Za-z0-9_]/;

const VERBOSE: Record<string, string> = {
  '\0': '<ASCII NUL>', '\b': '<BACKSPACE>', '\f': '<FORM FEED>', '\n': '<LINE FEED>', '\r': '<CARRIAGE RETURN>',
  '\t': '<TAB>', '\\': '<BACKSLASH>', '"': '<DOUBLE QUOTE>', "'": '<SINGLE QUOTE>',
};

/** verbosePrintString: quoted, control characters by name, <EMPTY> for nothing. */
export function verbosePrint(bytes: string): string {
  if (bytes === '') return '<EMPTY>';
  let out = '"';
  for (const c of bytes) {
    const named = VERBOSE[c];
    if (named !== undefined) out += named;
    else if (c.charCodeAt(0) < 32) out += `<0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}>`;
    else out += c;
  }
  return `${out}"`;
}

/** readDoubleQuotedStringWithSQLStyle / readBackQuotedStringWithSQLStyle: `""` and backslash escapes. */
function readQuotedName(bytes: string, pos: number): { name: string; end: number } {
  const quote = bytes[pos]!;
  let name = '';
  for (let i = pos + 1; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === '\\' && i + 1 < bytes.length) {
      name += bytes[++i];
    } else if (c === quote) {
      if (bytes[i + 1] === quote) {
        name += quote;
        i++;
      } else {
        return { name, end: i + 1 };
      }
    } else {
      name += c;
    }
  }
  throw new EngineError('CANNOT_PARSE_QUOTED_STRING', 'Cannot parse quoted string: expected closing quote');
}

export class TemplateFormatString {
  /** Text around the placeholders, as bytes: always one more than the placeholders. */
  delimiterBytes: string[] = [];
  /** Names as written (bytes); '' when skipped. */
  nameBytes: string[] = [];
  escapingRules: EscapingRule[] = [];
  /** The column (or output part) of each placeholder; undefined for an empty name. */
  indexes: (number | undefined)[] = [];

  /** Parses a format string given in a setting; errors of name lookup pass through unchanged. */
  static parse(text: string, indexOf: IndexOfName, allowIndexes = true): TemplateFormatString {
    const f = new TemplateFormatString();
    f.parseBytes(toBytes(text), indexOf, allowIndexes);
    return f;
  }

  /** Parses a format string read from a file: every error becomes INVALID_TEMPLATE_FORMAT with the dump. */
  static parseFile(contents: Buffer, indexOf: IndexOfName, allowIndexes = true): TemplateFormatString {
    const f = new TemplateFormatString();
    try {
      f.parseBytes(contents.toString('latin1'), indexOf, allowIndexes);
    } catch (err) {
      if (err instanceof Error && (err as { codeName?: unknown }).codeName !== 'INVALID_TEMPLATE_FORMAT') f.throwInvalid(toBytes(err.message), f.columnsCount());
      throw err;
    }
    return f;
  }

  get delimiters(): string[] {
    return this.delimiterBytes.map(fromBytes);
  }

  columnsCount(): number {
    return this.indexes.length;
  }

  private parseBytes(bytes: string, indexOf: IndexOfName, allowIndexes: boolean): void {
    // The C++ loop runs to the first NUL byte.
    const nul = bytes.indexOf('\0');
    const s = nul < 0 ? bytes : bytes.slice(0, nul);
    const end = s.length;
    const rest = (pos: number): string => s.slice(pos, pos + 16);
    let state: 'delimiter' | 'column' | 'format' = 'delimiter';
    let tokenBegin = 0;
    this.delimiterBytes.push('');
    const appendDelimiter = (to: number): void => {
      this.delimiterBytes[this.delimiterBytes.length - 1] += s.slice(tokenBegin, to);
    };
    for (let pos = 0; pos < end; pos++) {
      switch (state) {
        case 'delimiter':
          if (s[pos] === '$') {
            appendDelimiter(pos);
            pos++;
            if (s[pos] === '{') {
              tokenBegin = pos + 1;
              state = 'column';
            } else if (s[pos] === '$') {
              tokenBegin = pos;
            } else {
              this.throwInvalid(`At pos ${pos}: Expected '{' or '$' after '$', got "${rest(pos)}"`, this.columnsCount());
            }
          }
          break;
        case 'column': {
          let name = '';
          const c = s[pos]!;
          if (c === '"' || c === '`') {
            const q = readQuotedName(s, pos);
            name = q.name;
            pos = q.end;
          } else if (WORD.test(c)) {
            let e = pos;
            while (e < end && WORD.test(s[e]!)) e++;
            name = s.slice(pos, e);
            pos = e;
          }
          this.nameBytes.push(name);
          if (s[pos] === ':') {
            state = 'format';
          } else if (s[pos] === '}') {
            this.escapingRules.push('None');
            this.delimiterBytes.push('');
            state = 'delimiter';
          } else {
            this.throwInvalid(`At pos ${pos}: Expected ':' or '}' after column name "${name}", got "${rest(pos)}"`, this.columnsCount());
          }
          tokenBegin = pos + 1;
          let index: number | undefined;
          if (name !== '') {
            if (/^\d+$/.test(name) && BigInt(name) < 2n ** 64n) {
              if (!allowIndexes) throw new ServerError('INVALID_TEMPLATE_FORMAT', 'Indexes instead of names are not allowed');
              index = Number(name);
            } else {
              index = indexOf(fromBytes(name));
            }
          }
          this.indexes.push(index);
          break;
        }
        case 'format':
          if (s[pos] === '}') {
            this.escapingRules.push(escapingRuleOf(fromBytes(s.slice(tokenBegin, pos))));
            tokenBegin = pos + 1;
            this.delimiterBytes.push('');
            state = 'delimiter';
          }
          break;
      }
    }
    if (state !== 'delimiter') this.throwInvalid('Unbalanced parentheses', this.columnsCount());
    appendDelimiter(end);
  }

  /** ParsedTemplateFormatString::dump, as bytes. */
  private dump(): string {
    let out = `\nDelimiter 0: ${verbosePrint(this.delimiterBytes[0] ?? '')}`;
    const n = Math.max(this.escapingRules.length, this.indexes.length);
    for (let i = 0; i < n; i++) {
      const name = this.nameBytes[i];
      const index = i < this.indexes.length ? (this.indexes[i] === undefined ? '<SKIPPED>' : String(this.indexes[i])) : '<ERROR>';
      out += `\nColumn ${i}: "${name === undefined ? '<ERROR>' : name === '' ? '<SKIPPED>' : name}" (mapped to table column ${index})`;
      out += `, Format ${this.escapingRules[i] ?? '<ERROR>'}`;
      const d = this.delimiterBytes[i + 1];
      out += `\nDelimiter ${i + 1}: ${d === undefined ? '<ERROR>' : verbosePrint(d)}`;
    }
    return out;
  }

  /** throwInvalidFormat; `message` is in bytes like the rest of the dump. */
  throwInvalid(message: string, column: number): never {
    const text = `Invalid format string for Template: ${message} (near column ${column}). Parsed format string:\n${this.dump()}\n`;
    throw new ServerError('INVALID_TEMPLATE_FORMAT', fromBytes(text));
  }
}
