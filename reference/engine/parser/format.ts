// Text of expressions and queries: result column names (ClickHouse's
// getColumnName: functional form, `plus(a, 1)`) and the SQL form used in
// `in scope ...` messages (infix operators).

import type { Expr, FrameBound, JoinExpr, SelectCore, SelectQuery, TableExpr, WindowSpec } from './ast.ts';

function ident(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * A number literal as ClickHouse prints the Field it parsed: integers in
 * decimal (`0x10` is `16`), floats in their shortest form with a point when
 * they look whole (`-2.10` is `-2.1`, `1e15` is `1000000000000000.`).
 */
function literalText(e: Expr & { t: 'lit' }): string {
  const v = e.value;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && Number.isFinite(v)) {
    const s = Object.is(v, -0) ? '-0' : String(v).replace('e+', 'e');
    return /^-?\d+$/.test(s) ? `${s}.` : s;
  }
  return e.raw;
}

/** How an identifier is named when its name depends on the query's tables (a JOIN's `t2.a`). */
export type IdentifierNamer = (e: Expr & { t: 'id' }) => string;

/** The column name ClickHouse gives an expression without alias. */
export function columnName(e: Expr, idName?: IdentifierNamer, subName?: (e: Expr & { t: 'sub' }) => string): string {
  const argName = (a: Expr): string => (a.alias !== undefined && a.t !== 'lit' ? a.alias : columnName(a, idName, subName));
  switch (e.t) {
    case 'lit':
      return literalText(e);
    case 'id':
      return idName ? idName(e) : e.parts.join('.');
    case 'star':
      return e.table ? `${e.table}.*` : '*';
    case 'sub':
      return subName ? subName(e) : '_subquery';
    case 'param':
      return `{${e.name}:${e.type}}`;
    case 'lambda':
      return `lambda(tuple(${e.params.join(', ')}), ${columnName(e.body, idName, subName)})`;
    case 'fn': {
      if (e.name === 'array') return `[${e.args.map(argName).join(', ')}]`;
      if (e.name === 'tuple') return `(${e.args.map(argName).join(', ')})`;
      const params = e.params ? `(${e.params.map(argName).join(', ')})` : '';
      const over = e.over ? ` OVER ${windowName(e.over, argName)}` : '';
      return `${e.name}${params}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(argName).join(', ')})${over}`;
    }
  }
}

/** `(PARTITION BY v ORDER BY k ASC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)`, or a window's name. */
function windowName(w: WindowSpec, name: (e: Expr) => string): string {
  if (w.name && !w.partitionBy.length && !w.orderBy.length && !w.frame) return w.name;
  const parts: string[] = [];
  if (w.name) parts.push(w.name);
  if (w.partitionBy.length) parts.push(`PARTITION BY ${w.partitionBy.map(name).join(', ')}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${w.orderBy.map((o) => `${name(o.expr)} ${o.desc ? 'DESC' : 'ASC'}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ''}`).join(', ')}`);
  if (w.frame) {
    const bound = (b: FrameBound): string => (b.kind === 'current' ? 'CURRENT ROW'
      : `${b.kind === 'unbounded' ? 'UNBOUNDED' : name(b.offset!)} ${b.preceding ? 'PRECEDING' : 'FOLLOWING'}`);
    parts.push(`${w.frame.units} BETWEEN ${bound(w.frame.start)} AND ${bound(w.frame.end)}`);
  }
  return `(${parts.join(' ')})`;
}

const INFIX: Record<string, string> = {
  plus: '+', minus: '-', multiply: '*', divide: '/', modulo: '%', equals: '=', notEquals: '!=', less: '<',
  greater: '>', lessOrEquals: '<=', greaterOrEquals: '>=', and: 'AND', or: 'OR', like: 'LIKE', notLike: 'NOT LIKE',
  ilike: 'ILIKE', notILike: 'NOT ILIKE', in: 'IN', notIn: 'NOT IN', concat: '||',
};

/** SQL text of an expression, the way ClickHouse formats a query. */
export function formatExpr(e: Expr, top = true): string {
  const text = ((): string => {
    switch (e.t) {
      case 'lit':
        return literalText(e);
      case 'id':
        return e.parts.map(ident).join('.');
      case 'star':
        return e.table ? `${e.table}.*` : '*';
      case 'sub':
        return `(${formatQuery(e.query)})`;
      case 'param':
        return `{${e.name}:${e.type}}`;
      case 'lambda':
        return `${e.params.length === 1 ? e.params[0] : `(${e.params.join(', ')})`} -> ${formatExpr(e.body, false)}`;
      case 'fn': {
        const op = INFIX[e.name];
        if (op && e.args.length >= 2) return e.args.map((a) => formatExpr(a, false)).join(` ${op} `);
        if (e.name === 'not' && e.args.length === 1) return `NOT ${formatExpr(e.args[0]!, false)}`;
        if (e.name === 'negate' && e.args.length === 1) return `-${formatExpr(e.args[0]!, false)}`;
        if (e.name === 'isNull') return `${formatExpr(e.args[0]!, false)} IS NULL`;
        if (e.name === 'isNotNull') return `${formatExpr(e.args[0]!, false)} IS NOT NULL`;
        if (e.name === 'arrayElement') return `${formatExpr(e.args[0]!, false)}[${formatExpr(e.args[1]!)}]`;
        if (e.name === 'array') return `[${e.args.map((a) => formatExpr(a)).join(', ')}]`;
        if (e.name === 'tuple') return `(${e.args.map((a) => formatExpr(a)).join(', ')})`;
        if (e.name === 'CAST' && e.args.length === 2) return `CAST(${formatExpr(e.args[0]!)}, ${formatExpr(e.args[1]!)})`;
        const params = e.params ? `(${e.params.map((a) => formatExpr(a)).join(', ')})` : '';
        const over = e.over ? ` OVER ${windowName(e.over, (a) => formatExpr(a))}` : '';
        return `${e.name}${params}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map((a) => formatExpr(a)).join(', ')})${over}`;
      }
    }
  })();
  const withAlias = e.alias !== undefined ? `${text} AS ${ident(e.alias)}` : text;
  return !top && e.alias !== undefined ? `(${withAlias})` : withAlias;
}

/** `INNER JOIN`, `ANY LEFT JOIN`, `CROSS JOIN`: the words ClickHouse prints for a join. */
export function joinWords(j: JoinExpr): string {
  if (j.kind === 'COMMA') return ',';
  return `${j.strictness ? `${j.strictness} ` : ''}${j.kind} JOIN`;
}

/** `ON expr` or `USING (a, b)` of a join, or nothing. */
export function joinCondition(j: JoinExpr): string {
  if (j.on) return `ON ${formatExpr(j.on)}`;
  if (j.using) return `USING (${j.using.map(ident).join(', ')})`;
  return '';
}

function formatTable(t: TableExpr): string {
  let s: string;
  if (t.t === 'join') {
    const cond = joinCondition(t);
    return `${formatTable(t.left)}${t.kind === 'COMMA' ? ',' : ` ${joinWords(t)}`} ${formatTable(t.right)}${cond ? ` ${cond}` : ''}`;
  }
  if (t.t === 'table') s = t.db ? `${ident(t.db)}.${ident(t.name)}` : ident(t.name);
  else if (t.t === 'func') s = `${t.name}(${t.args.map((a) => formatExpr(a)).join(', ')})`;
  else s = `(${formatQuery(t.query)})`;
  return t.alias ? `${s} AS ${ident(t.alias)}` : s;
}

export function formatSelect(c: SelectCore): string {
  let s = '';
  const withItems = [...(c.ctes ?? []).map((q) => `${ident(q.name)} AS (${formatQuery(q.query)})`), ...c.with.map((e) => formatExpr(e))];
  if (withItems.length) s += `WITH ${withItems.join(', ')} `;
  s += `SELECT ${c.distinct ? 'DISTINCT ' : ''}${c.columns.map((e) => formatExpr(e)).join(', ')}`;
  if (c.from) s += ` FROM ${formatTable(c.from)}`;
  if (c.where) s += ` WHERE ${formatExpr(c.where)}`;
  if (c.groupBy) s += ` GROUP BY ${c.groupBy.map((e) => formatExpr(e)).join(', ')}`;
  if (c.having) s += ` HAVING ${formatExpr(c.having)}`;
  if (c.orderAll) s += ` ORDER BY ALL ${c.orderAll.desc ? 'DESC' : 'ASC'}${c.orderAll.nulls ? ` NULLS ${c.orderAll.nulls.toUpperCase()}` : ''}`;
  if (c.orderBy) s += ` ORDER BY ${c.orderBy.map((o) => `${formatExpr(o.expr)} ${o.desc ? 'DESC' : 'ASC'}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ''}`).join(', ')}`;
  if (c.limitBy) s += ` LIMIT ${c.limitBy.offset ? `${formatExpr(c.limitBy.offset)}, ` : ''}${formatExpr(c.limitBy.count)} BY ${c.limitBy.by.map((e) => formatExpr(e)).join(', ')}`;
  if (c.limit) s += ` LIMIT ${c.limit.offset ? `${formatExpr(c.limit.offset)}, ` : ''}${formatExpr(c.limit.count)}`;
  return s;
}

export function formatQuery(q: SelectQuery): string {
  return q.parts.map((p, i) => (i === 0 ? '' : ` ${q.ops?.[i - 1] ?? 'UNION ALL'} `) + formatSelect(p)).join('');
}
