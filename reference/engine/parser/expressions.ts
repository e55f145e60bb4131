// Expressions, by precedence: lambda, ternary, OR, AND, NOT, comparisons
// (LIKE, IN, BETWEEN, IS NULL), ||, + -, * / %, unary minus, postfix [] ::
// and .N, then literals, identifiers, function calls, CASE, CAST, INTERVAL
// and EXTRACT. A subquery in an expression is the SELECT part's business.

import { EngineError } from '../errors.ts';
import { unquoteString } from './lexer.ts';
import type { Expr, FrameBound, OrderItem, SelectQuery, WindowSpec } from './ast.ts';
import { identifierParam } from './ast.ts';
import { TokenCursor } from './cursor.ts';

/** Words that end an expression list and so cannot be a bare alias. */
export const RESERVED = new Set([
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

export abstract class ExpressionParser extends TokenCursor {
  abstract selectQuery(): SelectQuery;

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
      // `t.1` is tuple element access (postfix), not a compound name.
      while (this.isOp('.') && this.lx.at(this.k + 1).type !== 'number') {
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
    if (this.kw('OVER')) {
      if (this.op('(')) fn.over = this.windowSpec();
      else fn.over = { name: this.identifier('window name'), partitionBy: [], orderBy: [] };
    }
    return fn;
  }

  /** After `(`: `[name] [PARTITION BY …] [ORDER BY …] [ROWS|RANGE frame] )`. */
  windowSpec(): WindowSpec {
    const spec: WindowSpec = { partitionBy: [], orderBy: [] };
    if ((this.tok.type === 'word' && !RESERVED.has(this.tok.text.toUpperCase()) && !['ROWS', 'RANGE'].includes(this.tok.text.toUpperCase())) || this.tok.type === 'quoted_id') {
      spec.name = this.identifier();
    }
    if (this.kw('PARTITION', 'BY')) {
      do spec.partitionBy.push(this.expr()); while (this.op(','));
    }
    if (this.kw('ORDER', 'BY')) {
      do spec.orderBy.push(this.windowOrderItem()); while (this.op(','));
    }
    const units = this.kw('ROWS') ? 'ROWS' : this.kw('RANGE') ? 'RANGE' : undefined;
    if (units) {
      if (this.kw('BETWEEN')) {
        const start = this.frameBound();
        this.needKw('AND');
        spec.frame = { units, start, end: this.frameBound() };
      } else spec.frame = { units, start: this.frameBound(), end: { kind: 'current', preceding: false } };
    }
    this.needOp(')');
    return spec;
  }

  protected windowOrderItem(): OrderItem {
    const expr = this.expr();
    let desc = false;
    if (this.kw('DESC') || this.kw('DESCENDING')) desc = true;
    else if (!this.kw('ASC')) this.kw('ASCENDING');
    let nulls: 'first' | 'last' | undefined;
    if (this.kw('NULLS')) nulls = this.kw('FIRST') ? 'first' : (this.needKw('LAST'), 'last');
    return nulls ? { expr, desc, nulls } : { expr, desc };
  }

  protected frameBound(): FrameBound {
    if (this.kw('UNBOUNDED')) {
      if (this.kw('PRECEDING')) return { kind: 'unbounded', preceding: true };
      this.needKw('FOLLOWING');
      return { kind: 'unbounded', preceding: false };
    }
    if (this.kw('CURRENT', 'ROW')) return { kind: 'current', preceding: false };
    const offset = this.concat();
    if (this.kw('PRECEDING')) return { kind: 'offset', preceding: true, offset };
    this.needKw('FOLLOWING');
    return { kind: 'offset', preceding: false, offset };
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
