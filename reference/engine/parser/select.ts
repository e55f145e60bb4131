// SELECT: UNION ALL of SELECT cores with WITH, DISTINCT, FROM (a table, a
// table function or a subquery; ARRAY JOIN), PREWHERE/WHERE, GROUP BY,
// HAVING, ORDER BY, LIMIT/OFFSET/FETCH and SETTINGS.

import { EngineError } from '../errors.ts';
import type { OrderItem, SelectCore, SelectQuery, TableExpr } from './ast.ts';
import { ExpressionParser, RESERVED } from './expressions.ts';

export class SelectParser extends ExpressionParser {
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
}
