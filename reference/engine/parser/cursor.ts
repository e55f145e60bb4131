// The token cursor every part of the parser moves: the lexer's tokens, the
// furthest position any alternative reached and what was expected there
// (ClickHouse's getSyntaxErrorMessage reports the failure at that point),
// identifiers, `{name:Type}` placeholders, setting lists and literals.

import { EngineError } from '../errors.ts';
import { Lexer, unquoteIdentifier, unquoteString } from './lexer.ts';
import type { LexerOptions, Token } from './lexer.ts';
import { identifierParam } from './ast.ts';

/** Characters of the query shown after the failing position. */
const SHOW_CHARS_ON_SYNTAX_ERROR = 160;

export class TokenCursor {
  protected lx: Lexer;
  protected k = 0;
  protected maxK = 0;
  protected expected = new Set<string>();
  protected sql: string;
  /** Placeholders met so far, in order of first appearance. */
  readonly parameters: string[] = [];

  constructor(sql: string, maxQuerySize = 0, opts: LexerOptions = {}) {
    this.sql = sql;
    this.lx = new Lexer(sql, maxQuerySize, opts);
  }

  protected get tok(): Token {
    return this.lx.at(this.k);
  }

  protected advance(): Token {
    const t = this.tok;
    this.k++;
    if (this.k > this.maxK) {
      this.maxK = this.k;
      this.expected.clear();
    }
    return t;
  }

  /** Record that `what` would have been accepted at the current token. */
  protected expect(what: string): void {
    if (this.k > this.maxK) {
      this.maxK = this.k;
      this.expected.clear();
    }
    if (this.k === this.maxK) this.expected.add(what);
  }

  protected isKw(word: string, offset = 0): boolean {
    const t = this.lx.at(this.k + offset);
    return t.type === 'word' && t.text.toUpperCase() === word;
  }

  protected kw(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) {
      if (!this.isKw(words[i]!, i)) {
        this.expect(words.join(' '));
        return false;
      }
    }
    for (let i = 0; i < words.length; i++) this.advance();
    return true;
  }

  protected needKw(...words: string[]): void {
    if (!this.kw(...words)) throw this.fail();
  }

  protected isOp(op: string, offset = 0): boolean {
    const t = this.lx.at(this.k + offset);
    return t.type === 'op' && t.text === op;
  }

  protected op(op: string): boolean {
    if (this.isOp(op)) {
      this.advance();
      return true;
    }
    this.expect(`token '${op}'`.replace("token '('", 'opening round bracket').replace("token ')'", 'closing round bracket')
      .replace("token ','", 'comma').replace("token '.'", 'dot').replace("token '='", 'equals sign'));
    return false;
  }

  protected needOp(o: string): void {
    if (!this.op(o)) throw this.fail();
  }

  /** Build the SYNTAX_ERROR for the furthest position reached. */
  fail(description = ''): EngineError {
    const t = this.lx.at(this.maxK);
    if (t.type === 'max_size') return this.lexicalError(t, 'Max query size exceeded');
    if (t.type === 'error_quote') {
      const q = t.text[0];
      return this.lexicalError(t, q === "'" ? 'Single quoted string is not closed' : q === '"' ? 'Double quoted string is not closed' : 'Back quoted string is not closed');
    }
    if (t.type === 'error') return this.lexicalError(t, 'Unrecognized token');
    const unmatched = this.unmatchedParentheses();
    if (unmatched.length > 0) {
      // tryParseQuery checks the brackets before it reports what it expected.
      const first = unmatched[0]!;
      return new EngineError('SYNTAX_ERROR', `${this.commonMessage(first, description)}${this.around(first, this.sql.length)}Unmatched parentheses: ${unmatched.map((p) => p.text).join('')}`);
    }
    let out = this.commonMessage(t, description);
    out += this.around(t, this.statementEnd());
    if (this.expected.size > 0) {
      const list = [...this.expected];
      out += list.length === 1 ? `Expected ${list[0]}` : `Expected one of: ${list.join(', ')}`;
    }
    return new EngineError('SYNTAX_ERROR', out);
  }

  /**
   * checkUnmatchedParentheses: round and square brackets on a stack; a
   * closing one that matches nothing ends the scan, itself on the stack.
   */
  protected unmatchedParentheses(): Token[] {
    const stack: Token[] = [];
    for (let i = 0; ; i++) {
      const t = this.lx.at(i);
      // The lexer stops at these; past them at() keeps answering the same token.
      if (t.type === 'eof' || t.type === 'max_size' || t.type === 'error' || t.type === 'error_quote') return stack;
      if (t.type !== 'op') continue;
      if (t.text === '(' || t.text === '[') stack.push(t);
      else if (t.text === ')' || t.text === ']') {
        const open = stack[stack.length - 1];
        if (open && (open.text === '(') === (t.text === ')')) stack.pop();
        else {
          stack.push(t);
          return stack;
        }
      }
    }
  }

  protected lexicalError(t: Token, what: string): EngineError {
    return new EngineError('SYNTAX_ERROR', `${this.commonMessage(t, '')}${this.around(t, this.sql.length)}${what}`);
  }

  protected commonMessage(t: Token, description: string): string {
    let out = 'Syntax error';
    if (description) out += ` (${description})`;
    out += `: failed at position ${this.lx.byteOffset(t.begin) + 1}`;
    if (t.type === 'eof' || t.type === 'semicolon') out += ' (end of query)';
    else out += ` (${[...t.text].slice(0, SHOW_CHARS_ON_SYNTAX_ERROR).join('')}${[...t.text].length > SHOW_CHARS_ON_SYNTAX_ERROR ? '...' : ''})`;
    const nl = this.sql.indexOf('\n');
    if (nl >= 0 && nl + 1 < this.sql.length) {
      const before = this.sql.slice(0, t.begin);
      const line = before.split('\n').length;
      const col = this.lx.byteOffset(t.begin) - (before.lastIndexOf('\n') >= 0 ? this.lx.byteOffset(before.lastIndexOf('\n') + 1) : 0) + 1;
      out += ` (line ${line}, col ${col})`;
    }
    return out;
  }

  protected around(t: Token, end: number): string {
    const chars = [...this.sql.slice(t.begin, Math.max(end, t.begin))];
    const shown = chars.slice(0, SHOW_CHARS_ON_SYNTAX_ERROR).join('');
    return `: ${shown}${chars.length > SHOW_CHARS_ON_SYNTAX_ERROR ? '... ' : '. '}`;
  }

  /** End of the current statement: after the next `;`, or the end of input. */
  protected statementEnd(): number {
    for (let i = this.maxK; ; i++) {
      const t = this.lx.at(i);
      if (t.type === 'eof' || t.type === 'max_size' || t.type === 'error' || t.type === 'error_quote') return t.end;
      if (t.type === 'semicolon') return t.end;
    }
  }

  protected identifier(what = 'identifier'): string {
    const t = this.tok;
    if (t.type === 'word') {
      this.advance();
      return t.text;
    }
    if (t.type === 'quoted_id') {
      this.advance();
      return unquoteIdentifier(t.text);
    }
    const param = this.isOp('{') ? this.queryParameter() : undefined;
    if (param) {
      if (param.type !== 'Identifier') {
        throw new EngineError('BAD_ARGUMENTS', `Query parameter ${param.name} of type ${param.type} cannot stand for an identifier; use {${param.name}:Identifier}`);
      }
      return identifierParam(param.name);
    }
    this.expect(what);
    throw this.fail();
  }

  /** `{name:Type}` at the current token, or undefined (nothing consumed) when it is not one. */
  protected queryParameter(): { name: string; type: string } | undefined {
    const nameTok = this.lx.at(this.k + 1);
    if (!this.isOp('{') || (nameTok.type !== 'word' && nameTok.type !== 'quoted_id') || !this.isOp(':', 2)) return undefined;
    this.k += 3;
    const name = nameTok.type === 'word' ? nameTok.text : unquoteIdentifier(nameTok.text);
    const type = this.typeText();
    this.needOp('}');
    if (!this.parameters.includes(name)) this.parameters.push(name);
    return { name, type };
  }

  protected tryIdentifier(): string | undefined {
    const t = this.tok;
    if (t.type === 'word' || t.type === 'quoted_id') return this.identifier();
    this.expect('identifier');
    return undefined;
  }

  /** `[db.]name` */
  protected qualifiedName(): { db?: string; name: string } {
    const a = this.identifier();
    if (this.isOp('.')) {
      this.advance();
      return { db: a, name: this.identifier() };
    }
    return { name: a };
  }

  protected settingsList(): [string, string][] {
    const out: [string, string][] = [];
    do {
      const name = this.identifier();
      this.needOp('=');
      out.push([name, this.settingValue()]);
    } while (this.op(','));
    return out;
  }

  /** A setting value as text: literals give their value, identifiers their name. */
  protected settingValue(): string {
    const t = this.tok;
    if (t.type === 'string') {
      this.advance();
      return unquoteString(t.text);
    }
    if (t.type === 'number') {
      this.advance();
      return t.text;
    }
    if (this.isOp('-') && this.lx.at(this.k + 1).type === 'number') {
      this.advance();
      return `-${this.advance().text}`;
    }
    if (t.type === 'word') {
      this.advance();
      const u = t.text.toUpperCase();
      if (u === 'TRUE') return '1';
      if (u === 'FALSE') return '0';
      return t.text;
    }
    this.expect('literal');
    throw this.fail();
  }

  /** Raw text of a data type (`Nullable(UInt8)`), balanced brackets included. */
  typeText(): string {
    const start = this.tok;
    if (start.type !== 'word' && start.type !== 'quoted_id') {
      this.expect('data type');
      throw this.fail();
    }
    this.advance();
    // Multi-word SQL type names.
    while (this.tok.type === 'word' && ['UNSIGNED', 'SIGNED', 'PRECISION', 'VARYING'].includes(this.tok.text.toUpperCase())) this.advance();
    let end = this.lx.at(this.k - 1).end;
    if (this.isOp('(')) end = this.skipBalanced();
    return start.type === 'quoted_id' ? unquoteIdentifier(start.text) : this.sql.slice(start.begin, end);
  }

  /** Comma-separated items up to and including `close`, which may follow at once (an empty list). */
  protected listUntil<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    if (!this.isOp(close)) {
      do items.push(item()); while (this.op(','));
    }
    this.needOp(close);
    return items;
  }

  /** Skip from `(` to its matching `)`; returns where that `)` ends. */
  protected skipBalanced(): number {
    let depth = 0;
    let end: number;
    do {
      const t = this.advance();
      if (t.type === 'eof') throw this.fail();
      if (t.type === 'op' && t.text === '(') depth++;
      if (t.type === 'op' && t.text === ')') depth--;
      end = t.end;
    } while (depth > 0);
    return end;
  }

  protected stringLiteral(): string {
    const t = this.tok;
    if (t.type !== 'string') {
      this.expect('string literal');
      throw this.fail();
    }
    this.advance();
    return unquoteString(t.text);
  }
}
