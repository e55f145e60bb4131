// Recursive-descent parser for the ClickHouse SQL subset the engine runs.
// Errors follow ClickHouse's getSyntaxErrorMessage: the failure is reported
// at the furthest token any alternative reached, with what was expected there.

import { EngineError } from '../errors.ts';
import { Lexer, unquoteIdentifier, unquoteString } from './lexer.ts';
import type { LexerOptions, Token } from './lexer.ts';
import type { ColumnSpec, EngineSpec, Expr, OrderItem, SelectCore, SelectQuery, Statement, TableExpr } from './ast.ts';
import { identifierParam } from './ast.ts';
import { parseAccessStatement } from './access-statements.ts';
import type { AccessParserHost } from './access-statements.ts';

/** Characters of the query shown after the failing position. */
const SHOW_CHARS_ON_SYNTAX_ERROR = 160;

/** Words that end an expression list and so cannot be a bare alias. */
const RESERVED = new Set([
  'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'SETTINGS', 'FORMAT', 'UNION', 'INTO', 'AS', 'ON',
  'USING', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'ARRAY', 'PREWHERE', 'WINDOW', 'QUALIFY', 'SAMPLE',
  'FINAL', 'WITH', 'AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'DESC', 'ASC', 'DESCENDING',
  'ASCENDING', 'NULLS', 'COLLATE', 'BY', 'SELECT', 'EXCEPT', 'INTERSECT', 'GLOBAL', 'ANY', 'ALL', 'ASOF', 'SEMI',
  'ANTI', 'OUTER', 'PASTE', 'WHEN', 'THEN', 'ELSE', 'END', 'VALUES', 'ENGINE', 'PARTITION', 'PRIMARY', 'TTL',
  'DEFAULT', 'MATERIALIZED', 'ALIAS', 'COMMENT', 'CODEC', 'EPHEMERAL', 'INTERVAL', 'TO', 'STEP', 'FILL', 'TIES',
]);

/** Keyword operators that take a NOT prefix: keyword, function, negated function. */
const NEGATABLE_OPERATORS: [string, string, string][] = [
  ['LIKE', 'like', 'notLike'],
  ['ILIKE', 'ilike', 'notILike'],
  ['IN', 'in', 'notIn'],
];

/** CREATE TABLE clauses that take one expression, and where its text goes (TTL is parsed and dropped). */
const TABLE_EXPRESSION_CLAUSES: [string[], 'orderBy' | 'partitionBy' | 'primaryKey' | 'sampleBy' | undefined][] = [
  [['ORDER', 'BY'], 'orderBy'],
  [['PARTITION', 'BY'], 'partitionBy'],
  [['PRIMARY', 'KEY'], 'primaryKey'],
  [['SAMPLE', 'BY'], 'sampleBy'],
  [['TTL'], undefined],
];

export interface ParseResult {
  statement: Statement;
  format?: string;
  settings: [string, string][];
  /** Offset in the input where INSERT data begins, when the statement carries data. */
  dataOffset?: number;
  /** Offset where the statement text ends (for max_query_size accounting of INSERT). */
  end: number;
  /** Names of the `{name:Type}` placeholders, in order of first appearance. */
  parameters?: string[];
}

export class Parser {
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

  // ------------------------------------------------------------ token helpers

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
    let out = this.commonMessage(t, description);
    out += this.around(t, this.statementEnd());
    if (this.expected.size > 0) {
      const list = [...this.expected];
      out += list.length === 1 ? `Expected ${list[0]}` : `Expected one of: ${list.join(', ')}`;
    }
    return new EngineError('SYNTAX_ERROR', out);
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

  // ------------------------------------------------------------ entry point

  parse(): ParseResult {
    const first = this.tok;
    if (first.type === 'eof' || first.type === 'semicolon') throw new EngineError('SYNTAX_ERROR', 'Empty query');
    // ClickHouse fails fast on lexical errors before parsing, except for INSERT (its data is not SQL).
    if (!(this.isKw('INSERT') && this.isKw('INTO', 1))) {
      for (let i = 0; ; i++) {
        const t = this.lx.at(i);
        if (t.type === 'eof' || t.type === 'semicolon') break;
        if (t.type === 'max_size' || t.type === 'error' || t.type === 'error_quote') {
          this.maxK = i;
          throw this.fail();
        }
      }
    }
    let result: ParseResult;
    try {
      result = this.statement();
    } catch (e) {
      if (e instanceof EngineError) throw e;
      throw e;
    }
    if (result.dataOffset !== undefined) return result;
    const t = this.tok;
    if (t.type !== 'eof' && t.type !== 'semicolon') {
      this.expect('end of query');
      throw this.fail();
    }
    const lastSignificant = this.lx.at(this.maxK);
    while (this.tok.type === 'semicolon') this.k++;
    if (this.tok.type !== 'eof') {
      const failTok = lastSignificant.type === 'eof' ? this.lx.at(this.k - 1) : lastSignificant;
      if (this.tok.type === 'max_size' || this.tok.type === 'error' || this.tok.type === 'error_quote') {
        // Whatever follows the `;` is still a second statement.
      }
      const msg = `${this.commonMessage(failTok, 'Multi-statements are not allowed')}${this.around(failTok, this.sql.length)}`;
      throw new EngineError('SYNTAX_ERROR', msg);
    }
    result.end = this.sql.length;
    return result;
  }

  protected statement(): ParseResult {
    const settings: [string, string][] = [];
    let format: string | undefined;
    if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) {
      const query = this.selectQuery();
      [format] = this.outputTail(settings, query);
      return { statement: { kind: 'select', query }, format, settings, end: this.tok.begin };
    }
    if (this.isKw('INSERT')) return this.insert();
    const access = parseAccessStatement(this.host());
    if (access) return this.wrap(access, settings, access.kind === 'show_grants' || access.kind === 'show_access');
    if (this.isKw('CREATE') || this.isKw('ATTACH')) return this.wrap(this.create(), settings);
    if (this.isKw('DROP') || this.isKw('DETACH')) return this.wrap(this.drop(), settings);
    if (this.isKw('TRUNCATE')) return this.wrap(this.truncate(), settings);
    if (this.isKw('EXISTS')) return this.wrap(this.exists(), settings);
    if (this.isKw('SHOW')) return this.wrap(this.show(), settings);
    if (this.isKw('DESCRIBE') || this.isKw('DESC')) return this.wrap(this.describe(), settings);
    if (this.isKw('SET') && !this.isKw('ROLE', 1) && !(this.isKw('DEFAULT', 1) && this.isKw('ROLE', 2))) return this.wrap(this.set(), settings, false);
    if (this.isKw('USE')) {
      this.advance();
      return this.wrap({ kind: 'use', db: this.identifier() }, settings, false);
    }
    if (this.isKw('RENAME')) return this.wrap(this.rename(), settings, false);
    if (this.isKw('KILL')) return this.wrap(this.kill(), settings);
    for (const w of ['SELECT', 'INSERT INTO', 'CREATE', 'ATTACH', 'REPLACE', 'DROP', 'DETACH', 'TRUNCATE', 'EXISTS',
      'SHOW', 'DESCRIBE', 'DESC', 'SET', 'USE', 'RENAME', 'WITH', 'EXPLAIN', 'ALTER', 'OPTIMIZE', 'KILL', 'SYSTEM',
      'GRANT', 'REVOKE', 'CHECK', 'WATCH', 'BACKUP', 'RESTORE', 'UNDROP', 'DELETE', 'UPDATE', 'BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK']) {
      this.expect(w);
    }
    this.expect('Query');
    throw this.fail();
  }

  protected wrap(statement: Statement, settings: [string, string][], withFormat = true): ParseResult {
    let format: string | undefined;
    if (withFormat) {
      if (this.kw('FORMAT')) format = this.identifier();
      if (this.kw('SETTINGS')) settings.push(...this.settingsList());
    }
    return { statement, format, settings, end: this.tok.begin };
  }

  /** `[FORMAT name] [SETTINGS ...]` after a SELECT; SETTINGS inside the SELECT are lifted too. */
  protected outputTail(settings: [string, string][], query: SelectQuery): [string | undefined] {
    let format: string | undefined;
    if (this.kw('INTO', 'OUTFILE')) throw new EngineError('NOT_IMPLEMENTED', 'INTO OUTFILE is not allowed');
    if (this.kw('FORMAT')) format = this.identifier();
    if (this.kw('SETTINGS')) settings.push(...this.settingsList());
    const last = query.parts[query.parts.length - 1]!;
    settings.unshift(...last.settings);
    return [format];
  }

  // ------------------------------------------------------------ identifiers

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

  /** What the access-statement parser needs from this one. */
  protected host(): AccessParserHost {
    return {
      isKw: (w, o) => this.isKw(w, o),
      kw: (...w) => this.kw(...w),
      needKw: (...w) => this.needKw(...w),
      isOp: (o, off) => this.isOp(o, off),
      op: (o) => this.op(o),
      needOp: (o) => this.needOp(o),
      identifier: (what) => this.identifier(what),
      stringLiteral: () => this.stringLiteral(),
      settingsList: () => this.settingsList(),
      expr: () => this.expr(),
      expect: (w) => this.expect(w),
      fail: () => this.fail(),
      tok: () => this.tok,
      advance: () => this.advance(),
    };
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

  // ------------------------------------------------------------ SELECT

  selectQuery(): SelectQuery {
    const parts: SelectCore[] = [this.selectCore()];
    while (this.isKw('UNION')) {
      this.advance();
      if (!this.kw('ALL')) this.kw('DISTINCT');
      parts.push(this.selectCore());
    }
    return { t: 'query', parts };
  }

  protected selectCore(): SelectCore {
    if (this.isOp('(')) {
      this.advance();
      const inner = this.selectQuery();
      this.needOp(')');
      if (inner.parts.length === 1) return inner.parts[0]!;
      return { t: 'select', with: [], distinct: false, columns: [{ t: 'star' }], from: { t: 'sub', query: inner }, settings: [] };
    }
    const core: SelectCore = { t: 'select', with: [], distinct: false, columns: [], settings: [] };
    if (this.kw('WITH')) {
      do core.with.push(this.exprWithAlias()); while (this.op(','));
    }
    this.needKw('SELECT');
    if (this.kw('DISTINCT')) core.distinct = true;
    else this.kw('ALL');
    do core.columns.push(this.exprWithAlias()); while (this.op(','));
    if (this.kw('FROM')) {
      core.from = this.tableExpr();
      if (this.isKw('ARRAY') && this.isKw('JOIN', 1)) {
        this.advance();
        this.advance();
        core.arrayJoin = [];
        do core.arrayJoin.push(this.exprWithAlias()); while (this.op(','));
      }
      for (const j of ['JOIN', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'GLOBAL', 'ANY', 'ALL', 'ASOF', 'PASTE']) {
        if (this.isKw(j) || this.isOp(',')) throw new EngineError('NOT_IMPLEMENTED', 'JOIN is not supported by this engine');
      }
    }
    if (this.kw('PREWHERE')) core.where = this.expr();
    if (this.kw('WHERE')) core.where = core.where ? { t: 'fn', name: 'and', args: [core.where, this.expr()] } : this.expr();
    if (this.kw('GROUP', 'BY')) {
      core.groupBy = [];
      do core.groupBy.push(this.expr()); while (this.op(','));
    }
    if (this.kw('HAVING')) core.having = this.expr();
    if (this.kw('ORDER', 'BY')) {
      core.orderBy = [];
      do core.orderBy.push(this.orderItem()); while (this.op(','));
    }
    if (this.kw('LIMIT')) {
      const first = this.expr();
      if (this.op(',')) core.limit = { offset: first, count: this.expr() };
      else if (this.kw('OFFSET')) core.limit = { count: first, offset: this.expr() };
      else core.limit = { count: first };
      if (this.isKw('WITH') && this.isKw('TIES', 1)) throw new EngineError('NOT_IMPLEMENTED', 'LIMIT WITH TIES is not supported by this engine');
    } else if (this.kw('OFFSET')) {
      const offset = this.expr();
      this.kw('ROW') || this.kw('ROWS');
      core.limit = { count: { t: 'lit', value: 0n, raw: '0' }, offset };
      if (this.kw('FETCH')) {
        if (!this.kw('FIRST')) this.needKw('NEXT');
        core.limit.count = this.expr();
        if (!this.kw('ROW')) this.needKw('ROWS');
        this.needKw('ONLY');
      }
    }
    if (this.kw('SETTINGS')) core.settings = this.settingsList();
    return core;
  }

  protected orderItem(): OrderItem {
    const expr = this.exprWithAlias();
    let desc = false;
    if (this.kw('DESC') || this.kw('DESCENDING')) desc = true;
    else if (this.kw('ASC') || this.kw('ASCENDING')) desc = false;
    let nulls: 'first' | 'last' | undefined;
    if (this.kw('NULLS')) {
      if (this.kw('FIRST')) nulls = 'first';
      else {
        this.needKw('LAST');
        nulls = 'last';
      }
    }
    if (this.kw('COLLATE')) this.settingValue();
    return nulls ? { expr, desc, nulls } : { expr, desc };
  }

  protected tableExpr(): TableExpr {
    let te: TableExpr;
    if (this.isOp('(')) {
      this.advance();
      const query = this.selectQuery();
      this.needOp(')');
      te = { t: 'sub', query };
    } else {
      const a = this.identifier('table name');
      if (this.isOp('(')) {
        this.advance();
        te = { t: 'func', name: a, args: this.listUntil(')', () => this.expr()) };
      } else if (this.isOp('.')) {
        this.advance();
        te = { t: 'table', db: a, name: this.identifier('table name') };
      } else {
        te = { t: 'table', name: a };
      }
    }
    this.kw('FINAL');
    if (this.kw('AS')) te.alias = this.identifier();
    else if ((this.tok.type === 'word' && !RESERVED.has(this.tok.text.toUpperCase())) || this.tok.type === 'quoted_id') {
      te.alias = this.identifier();
    }
    this.kw('FINAL');
    return te;
  }

  // ------------------------------------------------------------ expressions

  exprWithAlias(): Expr {
    const e = this.expr();
    if (this.kw('AS')) {
      e.alias = this.identifier();
    } else if ((this.tok.type === 'word' && !RESERVED.has(this.tok.text.toUpperCase())) || this.tok.type === 'quoted_id') {
      e.alias = this.identifier();
    }
    return e;
  }

  expr(): Expr {
    // Lambda: x -> expr, (x, y) -> expr
    if (this.tok.type === 'word' && this.isOp('->', 1)) {
      const p = this.identifier();
      this.advance();
      return { t: 'lambda', params: [p], body: this.expr() };
    }
    if (this.isOp('(')) {
      let i = 1;
      const params: string[] = [];
      while (this.lx.at(this.k + i).type === 'word') {
        params.push(this.lx.at(this.k + i).text);
        if (this.isOp(',', i + 1)) i += 2;
        else break;
      }
      if (params.length > 0 && this.isOp(')', i + 1) && this.isOp('->', i + 2)) {
        this.k += i + 3;
        return { t: 'lambda', params, body: this.expr() };
      }
    }
    return this.ternary();
  }

  protected ternary(): Expr {
    const cond = this.or();
    if (this.isOp('?')) {
      this.advance();
      const a = this.expr();
      this.needOp(':');
      const b = this.expr();
      return { t: 'fn', name: 'if', args: [cond, a, b] };
    }
    return cond;
  }

  protected or(): Expr {
    const args = [this.and()];
    while (this.kw('OR')) args.push(this.and());
    return args.length === 1 ? args[0]! : { t: 'fn', name: 'or', args };
  }

  protected and(): Expr {
    const args = [this.not()];
    while (this.kw('AND')) args.push(this.not());
    return args.length === 1 ? args[0]! : { t: 'fn', name: 'and', args };
  }

  protected not(): Expr {
    if (this.isKw('NOT') && !this.isOp('(', 1)) {
      this.advance();
      return { t: 'fn', name: 'not', args: [this.not()] };
    }
    return this.comparison();
  }

  protected comparison(): Expr {
    let left = this.concat();
    for (;;) {
      const t = this.tok;
      if (t.type === 'op') {
        const map: Record<string, string> = { '=': 'equals', '==': 'equals', '!=': 'notEquals', '<>': 'notEquals', '<': 'less', '>': 'greater', '<=': 'lessOrEquals', '>=': 'greaterOrEquals' };
        const name = map[t.text];
        if (name) {
          this.advance();
          left = { t: 'fn', name, args: [left, this.concat()] };
          continue;
        }
      }
      const negated = this.isKw('NOT') && (this.isKw('LIKE', 1) || this.isKw('ILIKE', 1) || this.isKw('IN', 1) || this.isKw('BETWEEN', 1));
      if (negated) this.advance();
      if (this.kw('GLOBAL')) {
        /* GLOBAL IN is IN here */
      }
      const matched = NEGATABLE_OPERATORS.find(([word]) => this.kw(word));
      if (matched) {
        const [, name, negatedName] = matched;
        left = { t: 'fn', name: negated ? negatedName : name, args: [left, this.concat()] };
        continue;
      }
      if (this.kw('BETWEEN')) {
        const lo = this.concat();
        this.needKw('AND');
        const hi = this.concat();
        left = negated
          ? { t: 'fn', name: 'or', args: [{ t: 'fn', name: 'less', args: [left, lo] }, { t: 'fn', name: 'greater', args: [left, hi] }] }
          : { t: 'fn', name: 'and', args: [{ t: 'fn', name: 'greaterOrEquals', args: [left, lo] }, { t: 'fn', name: 'lessOrEquals', args: [left, hi] }] };
        continue;
      }
      if (this.isKw('IS')) {
        if (this.isKw('NULL', 1)) {
          this.k += 2;
          left = { t: 'fn', name: 'isNull', args: [left] };
          continue;
        }
        if (this.isKw('NOT', 1) && this.isKw('NULL', 2)) {
          this.k += 3;
          left = { t: 'fn', name: 'isNotNull', args: [left] };
          continue;
        }
      }
      return left;
    }
  }

  protected concat(): Expr {
    const args = [this.additive()];
    while (this.isOp('||')) {
      this.advance();
      args.push(this.additive());
    }
    return args.length === 1 ? args[0]! : { t: 'fn', name: 'concat', args };
  }

  protected additive(): Expr {
    const left = this.leftAssociative(() => this.multiplicative(), () =>
      this.isOp('+') ? 'plus' : this.isOp('-') ? 'minus' : undefined);
    this.expect('token');
    return left;
  }

  protected multiplicative(): Expr {
    return this.leftAssociative(() => this.unary(), () =>
      this.isOp('*') ? 'multiply'
      : this.isOp('/') ? 'divide'
      : this.isOp('%') || this.isKw('MOD') ? 'modulo'
      : this.isKw('DIV') ? 'intDiv'
      : undefined);
  }

  /** `a op b op c` as `op(op(a, b), c)`; `operatorAt` names the function of the operator at the current token, if any. */
  protected leftAssociative(operand: () => Expr, operatorAt: () => string | undefined): Expr {
    let left = operand();
    for (let name = operatorAt(); name !== undefined; name = operatorAt()) {
      this.advance();
      left = { t: 'fn', name, args: [left, operand()] };
    }
    return left;
  }

  protected unary(): Expr {
    if (this.isOp('-')) {
      this.advance();
      const t = this.tok;
      if (t.type === 'number' && !this.isOp('::', 1) && !this.isOp('[', 1) && !this.isOp('.', 1)) {
        this.advance();
        return numberLiteral(`-${t.text}`);
      }
      return { t: 'fn', name: 'negate', args: [this.unary()] };
    }
    if (this.isOp('+')) {
      this.advance();
      return this.unary();
    }
    return this.postfix();
  }

  protected postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.isOp('[')) {
        this.advance();
        const idx = this.expr();
        this.needOp(']');
        e = { t: 'fn', name: 'arrayElement', args: [e, idx] };
      } else if (this.isOp('::')) {
        this.advance();
        const typeText = this.typeText();
        e = { t: 'fn', name: 'CAST', args: [e, { t: 'lit', value: typeText, raw: quote(typeText) }] };
      } else if (this.isOp('.') && this.lx.at(this.k + 1).type === 'number') {
        this.advance();
        const n = this.advance().text;
        e = { t: 'fn', name: 'tupleElement', args: [e, numberLiteral(n)] };
      } else {
        return e;
      }
    }
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

  protected primary(): Expr {
    const t = this.tok;
    if (t.type === 'number') {
      this.advance();
      return numberLiteral(t.text);
    }
    if (t.type === 'string') {
      this.advance();
      return { t: 'lit', value: unquoteString(t.text), raw: quote(unquoteString(t.text)) };
    }
    if (t.type === 'op' && t.text === '(') {
      this.advance();
      if (this.isKw('SELECT') || this.isKw('WITH')) {
        const query = this.selectQuery();
        this.needOp(')');
        return { t: 'sub', query };
      }
      const items = this.listUntil(')', () => this.exprWithAlias());
      if (items.length === 1) return items[0]!;
      return { t: 'fn', name: 'tuple', args: items };
    }
    if (t.type === 'op' && t.text === '[') {
      this.advance();
      return { t: 'fn', name: 'array', args: this.listUntil(']', () => this.expr()) };
    }
    if (t.type === 'op' && t.text === '*') {
      this.advance();
      return { t: 'star' };
    }
    if (t.type === 'op' && t.text === '{') {
      const param = this.queryParameter();
      if (param) {
        if (param.type === 'Identifier') return { t: 'id', parts: [identifierParam(param.name)] };
        return { t: 'param', name: param.name, type: param.type };
      }
    }
    if (t.type === 'word') {
      const u = t.text.toUpperCase();
      if (u === 'NULL') {
        this.advance();
        return { t: 'lit', value: null, raw: 'NULL' };
      }
      if (u === 'TRUE' || u === 'FALSE') {
        this.advance();
        return { t: 'lit', value: u === 'TRUE', raw: u.toLowerCase() };
      }
      if ((u === 'INF' || u === 'NAN' || u === 'INFINITY') && !this.isOp('(', 1)) {
        this.advance();
        return { t: 'lit', value: u === 'NAN' ? NaN : Infinity, raw: u === 'NAN' ? 'nan' : 'inf' };
      }
      if (u === 'CASE') return this.caseExpr();
      if (u === 'CAST' && this.isOp('(', 1)) return this.castExpr();
      if (u === 'INTERVAL' && (this.lx.at(this.k + 1).type === 'number' || this.lx.at(this.k + 1).type === 'string')) return this.interval();
      if ((u === 'DATE' || u === 'TIMESTAMP') && this.lx.at(this.k + 1).type === 'string') {
        this.advance();
        const s = unquoteString(this.advance().text);
        return { t: 'fn', name: u === 'DATE' ? 'toDate' : 'toDateTime', args: [{ t: 'lit', value: s, raw: quote(s) }] };
      }
      if (u === 'EXTRACT' && this.isOp('(', 1)) return this.extract();
    }
    if (t.type === 'word' || t.type === 'quoted_id') {
      const name = this.identifier();
      if (this.isOp('(') && t.type === 'word') return this.functionCall(name);
      const parts = [name];
      while (this.isOp('.')) {
        this.advance();
        if (this.isOp('*')) {
          this.advance();
          return { t: 'star', table: parts.join('.') };
        }
        parts.push(this.identifier());
      }
      return { t: 'id', parts };
    }
    this.expect('expression');
    throw this.fail();
  }

  protected functionCall(name: string): Expr {
    this.needOp('(');
    const fn: Expr & { t: 'fn' } = { t: 'fn', name, args: [] };
    const readArgs = (): Expr[] => {
      if (this.kw('DISTINCT')) fn.distinct = true;
      else this.kw('ALL');
      return this.listUntil(')', () => this.exprWithAlias());
    };
    fn.args = readArgs();
    if (this.isOp('(')) {
      // Parametric aggregate: quantile(0.5)(x)
      this.advance();
      fn.params = fn.args;
      fn.args = readArgs();
    }
    if (this.isKw('OVER')) throw new EngineError('NOT_IMPLEMENTED', 'Window functions are not supported by this engine');
    return fn;
  }

  protected caseExpr(): Expr {
    this.advance();
    let subject: Expr | undefined;
    if (!this.isKw('WHEN')) subject = this.expr();
    const args: Expr[] = [];
    while (this.kw('WHEN')) {
      const w = this.expr();
      this.needKw('THEN');
      const th = this.expr();
      args.push(subject ? { t: 'fn', name: 'equals', args: [subject, w] } : w, th);
    }
    if (args.length === 0) {
      this.expect('WHEN');
      throw this.fail();
    }
    args.push(this.kw('ELSE') ? this.expr() : { t: 'lit', value: null, raw: 'NULL' });
    this.needKw('END');
    return { t: 'fn', name: 'multiIf', args };
  }

  protected castExpr(): Expr {
    this.advance();
    this.needOp('(');
    const e = this.expr();
    let typeText: string;
    if (this.kw('AS')) typeText = this.typeText();
    else {
      this.needOp(',');
      const tt = this.tok;
      if (tt.type !== 'string') {
        this.expect('string literal');
        throw this.fail();
      }
      this.advance();
      typeText = unquoteString(tt.text);
    }
    this.needOp(')');
    return { t: 'fn', name: 'CAST', args: [e, { t: 'lit', value: typeText, raw: quote(typeText) }] };
  }

  protected interval(): Expr {
    this.advance();
    const n = this.primary();
    const unit = this.identifier().toUpperCase().replace(/S$/, '');
    const fnName: Record<string, string> = { SECOND: 'toIntervalSecond', MINUTE: 'toIntervalMinute', HOUR: 'toIntervalHour', DAY: 'toIntervalDay', WEEK: 'toIntervalWeek', MONTH: 'toIntervalMonth', QUARTER: 'toIntervalQuarter', YEAR: 'toIntervalYear' };
    const f = fnName[unit];
    if (!f) throw this.fail();
    return { t: 'fn', name: f, args: [n] };
  }

  protected extract(): Expr {
    this.advance();
    this.needOp('(');
    const unit = this.identifier().toUpperCase();
    this.needKw('FROM');
    const e = this.expr();
    this.needOp(')');
    const fnName: Record<string, string> = { YEAR: 'toYear', MONTH: 'toMonth', DAY: 'toDayOfMonth', HOUR: 'toHour', MINUTE: 'toMinute', SECOND: 'toSecond', QUARTER: 'toQuarter' };
    const f = fnName[unit];
    if (!f) throw this.fail();
    return { t: 'fn', name: f, args: [e] };
  }

  // ------------------------------------------------------------ INSERT

  protected insert(): ParseResult {
    this.needKw('INSERT');
    this.needKw('INTO');
    this.kw('TABLE');
    if (this.kw('FUNCTION')) throw new EngineError('NOT_IMPLEMENTED', 'INSERT INTO FUNCTION is not supported by this engine');
    const { db, name } = this.qualifiedName();
    let columns: string[] | undefined;
    if (this.isOp('(')) {
      this.advance();
      columns = this.listUntil(')', () => this.identifier('column name'));
    }
    const settings: [string, string][] = [];
    if (this.kw('SETTINGS')) settings.push(...this.settingsList());
    if (this.isKw('VALUES')) {
      this.advance();
      const next = this.tok;
      const statement: Statement = { kind: 'insert', db, table: name, columns, format: 'Values', hasData: true };
      const dataOffset = next.type === 'semicolon' ? this.sql.length : next.type === 'eof' ? this.sql.length : next.begin;
      return { statement, format: 'Values', settings, dataOffset, end: this.lx.at(this.k - 1).end };
    }
    if (this.isKw('FORMAT')) {
      this.advance();
      const format = this.identifier('format name');
      let end = this.lx.at(this.k - 1).end;
      if (this.isKw('SETTINGS')) {
        // SETTINGS after FORMAT belong to the query; data follows them.
        this.advance();
        settings.push(...this.settingsList());
        end = this.lx.at(this.k - 1).end;
      }
      let data = end;
      const s = this.sql;
      if (s[data] === ';') {
        throw new EngineError('SYNTAX_ERROR', "You have excessive ';' symbol before data for INSERT.\nExample:\n\nINSERT INTO t (x, y) FORMAT TabSeparated\n;\tHello\n2\tWorld\n\nNote that there is no ';' just after format name, you need to put at least one whitespace symbol before the data.");
      }
      while (data < s.length && (s[data] === ' ' || s[data] === '\t' || s[data] === '\f')) data++;
      if (s[data] === '\r') data++;
      if (s[data] === '\n') data++;
      const statement: Statement = { kind: 'insert', db, table: name, columns, format, hasData: true };
      return { statement, format, settings, dataOffset: data, end };
    }
    if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) {
      const select = this.selectQuery();
      const last = select.parts[select.parts.length - 1]!;
      settings.push(...last.settings);
      if (this.kw('SETTINGS')) settings.push(...this.settingsList());
      return { statement: { kind: 'insert', db, table: name, columns, select, hasData: false }, settings, end: this.tok.begin };
    }
    this.expect('VALUES');
    this.expect('FORMAT');
    this.expect('SELECT');
    this.expect('WITH');
    this.expect('SETTINGS');
    throw this.fail();
  }

  // ------------------------------------------------------------ DDL

  protected create(): Statement {
    this.advance();
    let orReplace = false;
    if (this.kw('OR')) {
      this.needKw('REPLACE');
      orReplace = true;
    }
    if (this.kw('DATABASE')) {
      let ifNotExists = false;
      if (this.kw('IF')) {
        this.needKw('NOT');
        this.needKw('EXISTS');
        ifNotExists = true;
      }
      const name = this.identifier('database name');
      let engine: string | undefined;
      if (this.kw('ENGINE')) {
        this.needOp('=');
        engine = this.identifier();
        if (this.isOp('(')) this.skipBalanced();
      }
      if (this.kw('COMMENT')) this.settingValue();
      return { kind: 'create_database', name, ifNotExists, ...(engine ? { engine } : {}) };
    }
    const temporary = this.kw('TEMPORARY');
    if (!this.kw('TABLE')) {
      this.expect('DATABASE');
      this.expect('TABLE');
      if (this.isKw('VIEW') || this.isKw('MATERIALIZED') || this.isKw('DICTIONARY') || this.isKw('FUNCTION') || this.isKw('USER') || this.isKw('ROLE')) {
        throw new EngineError('NOT_IMPLEMENTED', `CREATE ${this.tok.text.toUpperCase()} is not supported by this engine`);
      }
      throw this.fail();
    }
    let ifNotExists = false;
    if (this.kw('IF')) {
      this.needKw('NOT');
      this.needKw('EXISTS');
      ifNotExists = true;
    }
    const { db, name } = this.qualifiedName();
    const st: Statement & { kind: 'create_table' } = { kind: 'create_table', db, name, ifNotExists, orReplace, temporary, columns: [], tableSettings: [] };
    if (this.isOp('(')) {
      this.advance();
      do {
        if (this.isKw('INDEX') || this.isKw('CONSTRAINT') || this.isKw('PROJECTION')) {
          while (!this.isOp(',') && !this.isOp(')') && this.tok.type !== 'eof') {
            if (this.isOp('(')) this.skipBalanced();
            else this.advance();
          }
          continue;
        }
        if (this.isKw('PRIMARY') && this.isKw('KEY', 1)) {
          this.k += 2;
          st.primaryKey = this.exprText();
          continue;
        }
        st.columns.push(this.columnSpec());
      } while (this.op(','));
      this.needOp(')');
    }
    if (this.kw('AS')) {
      if (this.isKw('SELECT') || this.isKw('WITH') || this.isOp('(')) {
        st.asSelect = this.selectQuery();
        return st;
      }
      st.asTable = this.qualifiedName();
    }
    for (;;) {
      if (this.kw('ENGINE')) {
        this.op('=');
        const nameTok = this.tok;
        const engineName = this.identifier('engine name');
        const args: Expr[] = [];
        if (this.isOp('(')) {
          this.advance();
          args.push(...this.listUntil(')', () => this.expr()));
        }
        st.engine = { name: engineName, args, text: this.sql.slice(nameTok.begin, this.lx.at(this.k - 1).end) } satisfies EngineSpec;
        continue;
      }
      const clause = TABLE_EXPRESSION_CLAUSES.find(([words]) => this.kw(...words));
      if (clause) {
        const text = this.exprText();
        const [, field] = clause;
        if (field) st[field] = text;
        continue;
      }
      if (this.kw('SETTINGS')) {
        st.tableSettings.push(...this.settingsList());
        continue;
      }
      if (this.kw('COMMENT')) {
        st.comment = this.settingValue();
        continue;
      }
      break;
    }
    if (this.kw('AS')) {
      st.asSelect = this.selectQuery();
    }
    return st;
  }

  protected exprText(): string {
    const start = this.tok.begin;
    this.expr();
    return this.sql.slice(start, this.lx.at(this.k - 1).end);
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

  protected columnSpec(): ColumnSpec {
    const col: ColumnSpec = { name: this.identifier('column name') };
    if (!this.isKw('DEFAULT') && !this.isKw('MATERIALIZED') && !this.isKw('ALIAS') && !this.isKw('EPHEMERAL') && (this.tok.type === 'word' || this.tok.type === 'quoted_id')) {
      col.type = this.typeText();
    }
    if (this.kw('NOT', 'NULL')) col.nullModifier = 'NOT NULL';
    else if (this.kw('NULL')) col.nullModifier = 'NULL';
    for (const kind of ['DEFAULT', 'MATERIALIZED', 'ALIAS', 'EPHEMERAL'] as const) {
      if (this.kw(kind)) {
        col.defaultKind = kind;
        const start = this.tok.begin;
        col.defaultExpr = this.expr();
        col.defaultText = this.sql.slice(start, this.lx.at(this.k - 1).end);
        break;
      }
    }
    if (col.type === undefined && col.defaultExpr === undefined) {
      this.expect('data type');
      throw this.fail();
    }
    if (this.kw('COMMENT')) col.comment = this.settingValue();
    if (this.kw('CODEC')) this.skipBalanced();
    if (this.kw('TTL')) this.expr();
    if (col.comment === undefined && this.kw('COMMENT')) col.comment = this.settingValue();
    return col;
  }

  protected drop(): Statement {
    this.advance();
    const temporary = this.kw('TEMPORARY');
    let what: 'table' | 'database' | 'view' | 'dictionary' = 'table';
    if (this.kw('DATABASE')) what = 'database';
    else if (this.kw('VIEW')) what = 'view';
    else if (this.kw('DICTIONARY')) what = 'dictionary';
    else this.needKw('TABLE');
    let ifExists = false;
    if (this.kw('IF')) {
      this.needKw('EXISTS');
      ifExists = true;
    }
    const q = what === 'database' ? { name: this.identifier('database name') } : this.qualifiedName();
    this.kw('SYNC') || this.kw('NO', 'DELAY');
    return { kind: 'drop', what, ...q, ifExists, temporary };
  }

  protected truncate(): Statement {
    this.advance();
    this.kw('TEMPORARY');
    this.kw('TABLE');
    let ifExists = false;
    if (this.kw('IF')) {
      this.needKw('EXISTS');
      ifExists = true;
    }
    return { kind: 'truncate', ...this.qualifiedName(), ifExists };
  }

  protected exists(): Statement {
    this.advance();
    const temporary = this.kw('TEMPORARY');
    let what: 'table' | 'database' | 'view' | 'dictionary' = 'table';
    if (this.kw('DATABASE')) what = 'database';
    else if (this.kw('VIEW')) what = 'view';
    else if (this.kw('DICTIONARY')) what = 'dictionary';
    else this.kw('TABLE');
    const q = what === 'database' ? { name: this.identifier('database name') } : this.qualifiedName();
    return { kind: 'exists', what, ...q, temporary };
  }

  protected likeClause(): { pattern: string; not: boolean; ilike: boolean } | undefined {
    const not = this.kw('NOT');
    if (this.kw('LIKE')) return { pattern: this.stringLiteral(), not, ilike: false };
    if (this.kw('ILIKE')) return { pattern: this.stringLiteral(), not, ilike: true };
    if (not) throw this.fail();
    return undefined;
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

  protected limitClause(): number | undefined {
    if (!this.kw('LIMIT')) return undefined;
    const t = this.tok;
    if (t.type !== 'number') {
      this.expect('number');
      throw this.fail();
    }
    this.advance();
    return Number(t.text);
  }

  protected show(): Statement {
    this.advance();
    const temporary = this.isKw('TEMPORARY') && this.isKw('TABLES', 1) && this.kw('TEMPORARY');
    if (this.kw('TABLES')) {
      if (temporary) {
        const like = this.likeClause();
        const limit = this.limitClause();
        return { kind: 'show_tables', temporary, ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
      }
      let db: string | undefined;
      if (this.kw('FROM') || this.kw('IN')) db = this.identifier('database name');
      const like = this.likeClause();
      const limit = this.limitClause();
      return { kind: 'show_tables', ...(db !== undefined ? { db } : {}), ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
    }
    if (this.kw('DATABASES')) {
      const like = this.likeClause();
      const limit = this.limitClause();
      return { kind: 'show_databases', ...(like ? { like } : {}), ...(limit !== undefined ? { limit } : {}) };
    }
    if (this.kw('CREATE')) {
      if (this.kw('DATABASE')) return { kind: 'show_create', what: 'database', name: this.identifier() };
      this.kw('TABLE') || this.kw('TEMPORARY', 'TABLE');
      return { kind: 'show_create', what: 'table', ...this.qualifiedName() };
    }
    this.expect('TABLES');
    this.expect('DATABASES');
    this.expect('CREATE');
    this.expect('GRANTS');
    this.expect('ROLES');
    this.expect('USERS');
    throw this.fail();
  }

  protected describe(): Statement {
    this.advance();
    this.kw('TABLE');
    if (this.isOp('(')) {
      this.advance();
      const query = this.selectQuery();
      this.needOp(')');
      return { kind: 'describe', query };
    }
    const a = this.identifier('table name');
    if (this.isOp('(')) {
      this.advance();
      return { kind: 'describe', func: { name: a, args: this.listUntil(')', () => this.expr()) } };
    }
    if (this.isOp('.')) {
      this.advance();
      return { kind: 'describe', db: a, name: this.identifier('table name') };
    }
    return { kind: 'describe', name: a };
  }

  /** KILL QUERY WHERE expr [SYNC | ASYNC | TEST] */
  protected kill(): Statement {
    this.advance();
    this.needKw('QUERY');
    this.needKw('WHERE');
    const where = this.expr();
    let mode: 'sync' | 'async' | 'test' = 'async';
    if (this.kw('SYNC')) mode = 'sync';
    else if (this.kw('ASYNC')) mode = 'async';
    else if (this.kw('TEST')) mode = 'test';
    return { kind: 'kill_query', where, mode };
  }

  protected set(): Statement {
    this.advance();
    return { kind: 'set', pairs: this.settingsList() };
  }

  protected rename(): Statement {
    this.advance();
    this.needKw('TABLE');
    const pairs: { from: { db?: string; name: string }; to: { db?: string; name: string } }[] = [];
    do {
      const from = this.qualifiedName();
      this.needKw('TO');
      pairs.push({ from, to: this.qualifiedName() });
    } while (this.op(','));
    return { kind: 'rename', pairs };
  }

  /**
   * Rows of the Values input format: `(expr, ...), (...)`. Each field is a SQL
   * expression (input_format_values_interpret_expressions); `;` may end the data.
   */
  valuesRows(): Expr[][] {
    const rows: Expr[][] = [];
    const assertion = (what: string): EngineError => {
      const t = this.tok;
      const rest = this.sql.slice(t.begin, t.begin + 100);
      return new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected ${what} before: '${rest}': (at row ${rows.length + 1})\n`);
    };
    while (this.tok.type !== 'eof') {
      if (this.tok.type === 'semicolon') {
        this.advance();
        const after: Token = this.tok;
        if (after.type !== 'eof') throw assertion("'('");
        break;
      }
      if (!this.isOp('(')) throw assertion("'('");
      this.advance();
      const row: Expr[] = [];
      if (!this.isOp(')')) {
        do {
          try {
            row.push(this.expr());
          } catch (e) {
            if (e instanceof EngineError && e.code === 62) throw assertion('expression');
            throw e;
          }
        } while (this.op(','));
      }
      if (!this.isOp(')')) throw assertion("')'");
      this.advance();
      rows.push(row);
      if (this.isOp(',')) this.advance();
    }
    return rows;
  }
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function numberLiteral(text: string): Expr {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  if (/^0[xX]/.test(body) || /^0[bB]/.test(body)) {
    const v = BigInt(body);
    return { t: 'lit', value: neg ? -v : v, raw: text };
  }
  if (/^[0-9]+$/.test(body)) {
    const v = BigInt(body);
    return { t: 'lit', value: neg ? -v : v, raw: text };
  }
  return { t: 'lit', value: Number(text), raw: text };
}

/** Parse one statement; see Parser.parse. */
export function parseStatement(sql: string, maxQuerySize = 0): ParseResult {
  const p = new Parser(sql, maxQuerySize);
  const r = p.parse();
  if (p.parameters.length > 0) r.parameters = [...p.parameters];
  return r;
}
