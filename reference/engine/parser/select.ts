// SELECT: UNION ALL of SELECT cores with WITH, DISTINCT, FROM (a table, a
// table function or a subquery; ARRAY JOIN), PREWHERE/WHERE, GROUP BY,
// HAVING, ORDER BY, LIMIT/OFFSET/FETCH and SETTINGS.

import { EngineError } from '../errors.ts';
import type { SetOperation, Expr, JoinExpr, JoinKind, JoinStrictness, OrderItem, SelectCore, SelectQuery, TableExpr } from './ast.ts';
import { ExpressionParser, RESERVED } from './expressions.ts';

export class SelectParser extends ExpressionParser {
  selectQuery(): SelectQuery {
    const parts: SelectCore[] = [this.selectCore()];
    const ops: SetOperation[] = [];
    for (;;) {
      const word = this.isKw('UNION') ? 'UNION' : this.isKw('INTERSECT') ? 'INTERSECT' : this.isKw('EXCEPT') ? 'EXCEPT' : undefined;
      if (!word) break;
      this.advance();
      // INTERSECT and EXCEPT alone are ALL; UNION alone follows union_default_mode.
      const mode = this.kw('ALL') ? 'ALL' : this.kw('DISTINCT') ? 'DISTINCT' : word === 'UNION' ? '' : 'ALL';
      ops.push((mode ? `${word} ${mode}` : word) as SetOperation);
      parts.push(this.selectCore());
    }
    return ops.every((o) => o === 'UNION ALL') ? { t: 'query', parts } : { t: 'query', parts, ops };
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
      do {
        const named = this.tok.type === 'word' || this.tok.type === 'quoted_id';
        if (named && this.isKw('AS', 1) && this.isOp('(', 2) && (this.isKw('SELECT', 3) || this.isKw('WITH', 3))) {
          const name = this.identifier();
          this.advance();
          this.advance();
          const query = this.selectQuery();
          this.needOp(')');
          (core.ctes ??= []).push({ name, query });
        } else core.with.push(this.exprWithAlias());
      } while (this.op(','));
    }
    this.needKw('SELECT');
    if (this.kw('DISTINCT')) core.distinct = true;
    else this.kw('ALL');
    do core.columns.push(this.exprWithAlias()); while (this.op(','));
    if (this.kw('FROM')) {
      core.from = this.joinedTables();
      if (this.isKw('ARRAY') && this.isKw('JOIN', 1)) {
        this.advance();
        this.advance();
        core.arrayJoin = [];
        do core.arrayJoin.push(this.exprWithAlias()); while (this.op(','));
        if (this.isOp(',') || this.joinHead(true)) throw new EngineError('NOT_IMPLEMENTED', 'JOIN after ARRAY JOIN is not supported by this engine');
      }
    }
    if (this.kw('PREWHERE')) core.where = this.expr();
    if (this.kw('WHERE')) core.where = core.where ? { t: 'fn', name: 'and', args: [core.where, this.expr()] } : this.expr();
    if (this.kw('GROUP', 'BY')) {
      core.groupBy = [];
      do core.groupBy.push(this.expr()); while (this.op(','));
    }
    if (this.kw('HAVING')) core.having = this.expr();
    if (this.kw('WINDOW')) {
      core.windows = [];
      do {
        const name = this.identifier('window name');
        this.needKw('AS');
        this.needOp('(');
        core.windows.push({ name, spec: this.windowSpec() });
      } while (this.op(','));
    }
    if (this.kw('ORDER', 'BY')) {
      const next = this.lx.at(this.k + 1);
      if (this.isKw('ALL') && !(next.type === 'op' && ['.', '(', '[', '+', '-', '*', '/', '%', '=', '<', '>', '::', '||'].includes(next.text))) {
        this.advance();
        const item = this.orderDirection({ t: 'lit', value: 1n, raw: '1' });
        core.orderAll = item.nulls ? { desc: item.desc, nulls: item.nulls } : { desc: item.desc };
      } else {
        core.orderBy = [];
        do core.orderBy.push(this.orderItem()); while (this.op(','));
      }
    }
    if (this.isKw('LIMIT')) {
      // LIMIT n [OFFSET m] BY keys, before the query's own LIMIT.
      const start = this.k;
      this.advance();
      const first = this.expr();
      const head = this.op(',') ? { offset: first, count: this.expr() } : this.kw('OFFSET') ? { count: first, offset: this.expr() } : { count: first };
      if (this.kw('BY')) {
        const by: Expr[] = [];
        do by.push(this.expr()); while (this.op(','));
        core.limitBy = { ...head, by };
      } else this.k = start;
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
    return this.orderDirection(this.exprWithAlias());
  }

  /** ASC/DESC, NULLS FIRST/LAST and COLLATE after an ORDER BY key. */
  protected orderDirection(expr: Expr): OrderItem {
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

  /** The FROM list: table expressions joined left to right (`a JOIN b ON … , c`). */
  protected joinedTables(): TableExpr {
    let left = this.tableExpr();
    for (;;) {
      if (this.op(',')) {
        left = { t: 'join', kind: 'COMMA', left, right: this.tableExpr() };
        continue;
      }
      const head = this.joinHead();
      if (!head) return left;
      const join: JoinExpr = { t: 'join', kind: head.kind, left, right: this.tableExpr() };
      if (head.strictness) join.strictness = head.strictness;
      if (head.kind !== 'CROSS' && head.kind !== 'PASTE') {
        if (this.kw('ON')) join.on = this.expr();
        else if (this.kw('USING')) {
          if (this.op('(')) join.using = this.listUntil(')', () => this.identifier());
          else join.using = [this.identifier()];
        } else throw this.fail();
      }
      left = join;
    }
  }

  /**
   * `[GLOBAL|LOCAL] [ALL|ANY|SEMI|ANTI|ASOF] [INNER|LEFT|RIGHT|FULL [OUTER]|CROSS|PASTE] JOIN`,
   * strictness before or after the kind; nothing is consumed when it is not one (or when `peek`).
   */
  protected joinHead(peek = false): { kind: JoinKind; strictness?: JoinStrictness } | undefined {
    const start = this.k;
    if (!this.kw('GLOBAL')) this.kw('LOCAL');
    const strictnessWord = (): JoinStrictness | undefined => (['ALL', 'ANY', 'SEMI', 'ANTI', 'ASOF'] as const).find((w) => this.kw(w));
    let strictness = strictnessWord();
    let kind = (['INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'PASTE'] as const).find((w) => !(this.isKw(w) && this.isKw('ARRAY', 1)) && this.kw(w));
    if (kind === 'LEFT' || kind === 'RIGHT' || kind === 'FULL') this.kw('OUTER');
    strictness ??= strictnessWord();
    if (!this.kw('JOIN') || peek) {
      const matched = this.k > start && this.isKw('JOIN', -1);
      this.k = start;
      return peek && matched ? { kind: kind ?? 'INNER' } : undefined;
    }
    // SEMI and ANTI without a side are LEFT (ClickHouse's parser does the same).
    kind ??= strictness === 'SEMI' || strictness === 'ANTI' ? 'LEFT' : 'INNER';
    return strictness ? { kind, strictness } : { kind };
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
}
