// Tokens of ClickHouse SQL, with byte-accurate positions kept as string
// offsets (the parser converts to 1-based positions in its messages).

export type TokenType =
  | 'word' | 'quoted_id' | 'number' | 'string' | 'op' | 'semicolon' | 'eof'
  | 'error_quote' | 'error' | 'max_size';

export interface Token {
  type: TokenType;
  text: string;
  begin: number;
  end: number;
}

const OPS = ['::', '||', '<=', '>=', '!=', '<>', '==', '->', '(', ')', '[', ']', '{', '}', ',', '.', '*', '+', '-', '/', '%', '=', '<', '>', '?', ':', '^', '@'];

export interface LexerOptions {
  doubleQuotedStrings?: boolean;
}

/**
 * Lazily split `sql` into tokens: INSERT data after VALUES/FORMAT is never
 * lexed as SQL. `maxSize` mirrors max_query_size: a token ending past it (in
 * bytes) becomes `max_size` and lexing stops there.
 */
export class Lexer {
  readonly sql: string;
  private readonly maxSize: number;
  private readonly tokens: Token[] = [];
  private i = 0;
  private done = false;
  private readonly ascii: boolean;
  /** MySQL dialects (StarRocks): "text" is a string literal, not an identifier. */
  private readonly doubleQuotedStrings: boolean;

  constructor(sql: string, maxSize = 0, opts: LexerOptions = {}) {
    this.sql = sql;
    this.maxSize = maxSize;
    this.doubleQuotedStrings = opts.doubleQuotedStrings ?? false;
    this.ascii = !/[^\x00-\x7f]/.test(sql);
  }

  /** Byte offset of a string offset (positions in messages are in bytes). */
  byteOffset(i: number): number {
    return this.ascii ? i : Buffer.byteLength(this.sql.slice(0, i));
  }

  at(k: number): Token {
    while (this.tokens.length <= k && !this.done) this.lexOne();
    return this.tokens[Math.min(k, this.tokens.length - 1)]!;
  }

  private push(type: TokenType, begin: number, end: number): void {
    // Trailing whitespace past the limit is fine once the statement is complete.
    if (type !== 'eof' && this.maxSize > 0 && this.byteOffset(end) > this.maxSize) {
      this.tokens.push({ type: 'max_size', text: this.sql.slice(begin, end), begin, end });
      this.done = true;
      return;
    }
    this.tokens.push({ type, text: this.sql.slice(begin, end), begin, end });
    if (type === 'eof' || type === 'error' || type === 'error_quote') this.done = true;
  }

  private lexOne(): void {
    const sql = this.sql;
    const n = sql.length;
    let i = this.i;
    for (;;) {
      if (i >= n) {
        this.i = i;
        this.push('eof', n, n);
        return;
      }
      const c = sql[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
        i++;
        continue;
      }
      if (c === '-' && sql[i + 1] === '-') {
        while (i < n && sql[i] !== '\n') i++;
        continue;
      }
      if (c === '#' && (sql[i + 1] === ' ' || sql[i + 1] === '!')) {
        while (i < n && sql[i] !== '\n') i++;
        continue;
      }
      if (c === '/' && sql[i + 1] === '*') {
        const close = sql.indexOf('*/', i + 2);
        if (close < 0) {
          this.i = n;
          this.push('error', i, n);
          return;
        }
        i = close + 2;
        continue;
      }
      break;
    }
    const start = i;
    const c = sql[i]!;
    const emit = (type: TokenType, end: number): void => {
      this.i = end;
      this.push(type, start, end);
    };
    if (c === ';') return emit('semicolon', i + 1);
    const prev = this.tokens[this.tokens.length - 1];
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? '') && !(prev && /[\w)\]`"]$/.test(prev.text) && prev.end === i))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|0[bB][01]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(sql.slice(i, i + 400))!;
      i += m[0].length;
      if (i < n && /[A-Za-z_]/.test(sql[i]!)) {
        while (i < n && /\w/.test(sql[i]!)) i++;
        return emit('error', i);
      }
      return emit('number', i);
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      while (i < n && /[\w\u0080-\uffff$]/.test(sql[i]!)) i++;
      return emit('word', i);
    }
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < n) {
        const ch = sql[i]!;
        if (ch === '\\') {
          i += 2;
          continue;
        }
        if (ch === c) {
          if (sql[i + 1] === c) {
            i += 2;
            continue;
          }
          return emit(c === "'" || (c === '"' && this.doubleQuotedStrings) ? 'string' : 'quoted_id', i + 1);
        }
        i++;
      }
      return emit('error_quote', n);
    }
    if (c === '$' && sql[i + 1] === '$') {
      const close = sql.indexOf('$$', i + 2);
      if (close < 0) return emit('error', n);
      return emit('string', close + 2);
    }
    const op = OPS.find((o) => sql.startsWith(o, i));
    if (op) return emit('op', i + op.length);
    return emit('error', i + 1);
  }
}

/** The value of a 'string' token: quotes removed, escapes resolved. */
export function unquoteString(text: string): string {
  if (text.startsWith('$$')) return text.slice(2, -2);
  return unquote(text.slice(1, -1), text[0]!);
}

/** The name inside `backquotes` or "double quotes". */
export function unquoteIdentifier(text: string): string {
  return unquote(text.slice(1, -1), text[0]!);
}

const ESC: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v', e: '\x1b' };

function unquote(body: string, q: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const nx = body[i + 1]!;
      if (nx === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 2, i + 4))) {
        out += String.fromCharCode(parseInt(body.slice(i + 2, i + 4), 16));
        i += 3;
        continue;
      }
      out += ESC[nx] ?? nx;
      i++;
      continue;
    }
    if (c === q && body[i + 1] === q) {
      out += q;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}
