// Recursive-descent parser for the ClickHouse SQL subset the engine runs:
// one statement, its FORMAT and SETTINGS, nothing after it; and the rows of
// the Values input format. The grammar's parts are the classes this one
// extends (cursor, expressions, SELECT, INSERT, DDL); errors follow
// ClickHouse's getSyntaxErrorMessage.

import { EngineError } from '../errors.ts';
import type { Token } from './lexer.ts';
import type { Expr, SelectQuery, Statement } from './ast.ts';
import { parseAccessStatement } from './access-statements.ts';
import type { AccessParserHost } from './access-statements.ts';
import type { ParseResult } from './result.ts';
import { DdlParser } from './ddl.ts';

export type { ParseResult } from './result.ts';

export class Parser extends DdlParser {
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
    const result = this.statement();
    if (result.dataOffset !== undefined) return result;
    const t = this.tok;
    if (t.type !== 'eof' && t.type !== 'semicolon') {
      this.expect('end of query');
      throw this.fail();
    }
    const lastSignificant = this.lx.at(this.maxK);
    while (this.tok.type === 'semicolon') this.k++;
    if (this.tok.type !== 'eof') {
      // Whatever follows the `;`, even a lexical error, is a second statement.
      const failTok = lastSignificant.type === 'eof' ? this.lx.at(this.k - 1) : lastSignificant;
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
    if (this.isKw('ALTER') && this.isKw('TABLE', 1)) return this.wrap(this.alter(), settings);
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

  /**
   * Rows of the Values input format: `(expr, ...), (...)`. Each field is a SQL
   * expression (input_format_values_interpret_expressions); `;` may end the data.
   */
  /** `{k: v, ...}`: a Map in Values data (not an SQL literal, as in ClickHouse). */
  private valuesMap(): Expr {
    this.needOp('{');
    const args: Expr[] = [];
    if (!this.isOp('}')) {
      do {
        args.push(this.expr());
        this.needOp(':');
        args.push(this.expr());
      } while (this.op(','));
    }
    this.needOp('}');
    return { t: 'fn', name: 'map', args };
  }

  private placeholderAhead(): boolean {
    const name = this.lx.at(this.k + 1);
    return (name.type === 'word' || name.type === 'quoted_id') && this.isOp(':', 2);
  }

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
            // `{name: Type}` is a query parameter, as ClickHouse's expression fallback for Values reads it; other braces a Map.
            row.push(this.isOp('{') && !this.placeholderAhead() ? this.valuesMap() : this.expr());
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

/** Parse one statement; see Parser.parse. */
export function parseStatement(sql: string, maxQuerySize = 0): ParseResult {
  const p = new Parser(sql, maxQuerySize);
  const r = p.parse();
  if (p.parameters.length > 0) r.parameters = [...p.parameters];
  return r;
}
