// Turns expression trees into typed closures over a row layout. Identifiers
// resolve to aliases first (ClickHouse's analyzer does the same), then columns.

import { EngineError } from '../errors.ts';
import { backQuote } from '../catalog.ts';
import { T, arrayOf, dateTime, nullable, parseType, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import type { Expr } from '../parser/ast.ts';
import { columnName } from '../parser/format.ts';
import { literalIntType, literalIntValue } from '../values/convert.ts';
import { lookupFunction } from '../functions/registry.ts';
import { lookupAggregate } from '../aggregates.ts';
import { constant } from './compiled.ts';
import type { Compiled, FunctionEnv } from './compiled.ts';
import '../functions/index.ts';
import { vectorCall, vectorColumn } from './vector.ts';

export interface ScopeColumn {
  name: string;
  type: DataType;
  /** Table name or alias the column can be qualified with. */
  tables: string[];
  /** Set when an expression reads the column (SELECT privilege checks). */
  used?: boolean;
  /** Not part of `*` (the right side's copy of a JOIN USING column; `t2.*` has it). */
  hidden?: boolean;
  /** Part of no `*` at all (the left side's own copy of a JOIN USING column). */
  unlisted?: boolean;
  /** Which table expression of a JOIN the column comes from (index into the join's tables). */
  origin?: number;
  /** The AMBIGUOUS_IDENTIFIER message when the bare name means columns of several joined tables. */
  ambiguity?: string;
  /** The column of a joined side this one was derived from (its privilege check). */
  derivedFrom?: ScopeColumn;
}

export interface CompileOptions {
  env: FunctionEnv;
  columns: ScopeColumn[];
  aliases: Map<string, Expr>;
  /** Query text for `in scope ...` messages. */
  scope: string;
  /** The scope's query has no FROM clause (UNKNOWN_IDENTIFIER then says so, as the analyzer does). */
  noFrom?: boolean;
  /** Pre-computed values (subquery results) keyed by node. */
  precomputed: Map<Expr, Compiled>;
  /** Hook consulted first for every node: group keys and aggregates after GROUP BY. */
  override?: (e: Expr, key: string) => Compiled | undefined;
  /** What to say when an aggregate function appears where it cannot. */
  aggregateContext?: string;
  /** Identifiers not resolved by `override` are errors (after GROUP BY). */
  onlyOverride?: boolean;
}

export function isAggregateCall(e: Expr): boolean {
  return e.t === 'fn' && e.over === undefined && lookupFunction(e.name) === undefined && lookupAggregate(e.name) !== undefined;
}

/** Literal → typed constant, with ClickHouse's literal type inference. */
export function literal(e: Expr & { t: 'lit' }): Compiled {
  const v = e.value;
  if (e.type && v !== null) return constant(e.type, v);
  if (v === null) return constant(nullable(T.Nothing), null);
  if (typeof v === 'bigint') {
    const t = literalIntType(v);
    return constant(t, literalIntValue(v, t));
  }
  if (typeof v === 'number') return constant(T.Float64, v);
  if (typeof v === 'boolean') return constant(T.Bool, v);
  return constant(T.String, v);
}

export class Compiler {
  private expanding = new Set<string>();
  readonly opts: CompileOptions;

  constructor(opts: CompileOptions) {
    this.opts = opts;
  }

  compile(e: Expr): Compiled {
    const pre = this.opts.precomputed.get(e);
    if (pre) return pre;
    if (e.t === 'id' && e.parts.length === 1) {
      const name = e.parts[0]!;
      const target = this.opts.aliases.get(name);
      if (target && target !== e && !this.expanding.has(name) && !(target.t === 'id' && target.parts.length === 1 && target.parts[0] === name)) {
        this.expanding.add(name);
        try {
          return this.compile(target);
        } finally {
          this.expanding.delete(name);
        }
      }
    }
    if (this.opts.override) {
      const o = this.opts.override(e, columnName(e));
      if (o) return o;
    }
    switch (e.t) {
      case 'lit':
        return literal(e);
      case 'id':
        return this.identifier(e);
      case 'star':
        throw new EngineError('UNEXPECTED_EXPRESSION', `Asterisk is not allowed here. In scope ${this.opts.scope}`);
      case 'sub':
        throw new EngineError('LOGICAL_ERROR', 'Subquery was not computed before compilation');
      case 'lambda':
        throw new EngineError('UNEXPECTED_EXPRESSION', `Lambda function ${columnName(e)} is not allowed here. In scope ${this.opts.scope}`);
      case 'fn':
        return this.call(e);
      case 'param':
        throw new EngineError('UNKNOWN_QUERY_PARAMETER', `Query parameter \`${e.name}\` was not set`);
    }
  }

  private identifier(e: Expr & { t: 'id' }): Compiled {
    const full = e.parts.join('.');
    const cols = this.opts.columns;
    let idx = -1;
    if (!this.opts.onlyOverride) {
      idx = cols.findIndex((c) => c.name === full);
      if (idx >= 0 && cols[idx]!.ambiguity) throw new EngineError('AMBIGUOUS_IDENTIFIER', cols[idx]!.ambiguity!);
      if (idx < 0 && e.parts.length >= 2) {
        const col = e.parts[e.parts.length - 1]!;
        const table = e.parts.slice(0, -1).join('.');
        idx = cols.findIndex((c) => c.name === col && c.tables.includes(table));
      }
    }
    if (idx < 0 && !this.opts.onlyOverride) {
      // `t.name` on a named Tuple column t reads its element.
      const element = this.tupleElementAccess(e);
      if (element) return element;
    }
    if (idx < 0) {
      if (this.opts.onlyOverride && cols.some((c) => c.name === full)) {
        throw new EngineError('NOT_AN_AGGREGATE', `Column ${full} is not under aggregate function and not in GROUP BY keys. In scope ${this.opts.scope}`);
      }
      const note = this.opts.noFrom ? ': Note: the query does not have the FROM clause. Did you forget to add it?' : '';
      throw new EngineError('UNKNOWN_IDENTIFIER', `Unknown expression identifier ${backQuote(full)} in scope ${this.opts.scope}${note}`);
    }
    const type = cols[idx]!.type;
    cols[idx]!.used = true;
    const i = idx;
    return { type, ev: (row) => row[i], columnIndex: i, vec: vectorColumn(i) };
  }

  private tupleElementAccess(e: Expr & { t: 'id' }): Compiled | undefined {
    for (let n = e.parts.length - 1; n >= 1; n--) {
      const head: Expr = { t: 'id', parts: e.parts.slice(0, n) };
      let base: Compiled;
      try {
        base = this.identifier(head as Expr & { t: 'id' });
      } catch {
        continue;
      }
      for (const name of e.parts.slice(n)) {
        const tt = unwrapNullable(base.type);
        if (tt.kind !== 'Tuple' || !tt.names?.includes(name)) return undefined;
        base = lookupFunction('tupleElement')!([base, constant(T.String, name)], { env: this.opts.env, name: 'tupleElement' });
      }
      return base;
    }
    return undefined;
  }

  private call(e: Expr & { t: 'fn' }): Compiled {
    if (isAggregateCall(e)) {
      throw new EngineError('ILLEGAL_AGGREGATION', this.opts.aggregateContext
        ? `Aggregate function ${columnName(e)} is found ${this.opts.aggregateContext}. In scope ${this.opts.scope}`
        : `Aggregate function ${columnName(e)} is found inside another aggregate function in query. In scope ${this.opts.scope}`);
    }
    if (e.name === 'arrayJoin') {
      throw new EngineError('UNEXPECTED_EXPRESSION', `arrayJoin is not allowed here. In scope ${this.opts.scope}`);
    }
    if (e.over) throw new EngineError('NOT_IMPLEMENTED', `Window function ${columnName(e)} is not supported here by this engine. In scope ${this.opts.scope}`);
    const builder = lookupFunction(e.name);
    if (!builder) {
      throw new EngineError('UNKNOWN_FUNCTION', `Function with name ${backQuote(e.name)} does not exist. In scope ${this.opts.scope}`);
    }
    if (e.name === 'CAST' || e.name === '_CAST') {
      // CAST's type argument is a type name, not an expression to resolve.
      const typeArg = e.args[1];
      if (typeArg && typeArg.t === 'lit' && typeof typeArg.value === 'string') parseType(typeArg.value);
    }
    const args = e.args.map((a) => this.compile(a));
    let result: Compiled;
    try {
      result = builder(args, { env: this.opts.env, name: e.name });
    } catch (err) {
      // The analyzer resolves a function (its return type, and its value when
      // every argument is constant) inside a try that adds the scope to any
      // exception: QueryAnalyzer::resolveFunction, e.addMessage("In scope {}").
      throw inScope(err, this.opts.scope);
    }
    const vec = vectorCall(e.name, args, result);
    return vec ? { ...result, vec } : result;
  }
}

/** Exception::addMessage: the text joined with ": ", once (nested calls resolve their arguments first). */
function inScope(err: unknown, scope: string): unknown {
  if (!(err instanceof EngineError) || !scope || err.message.includes(': In scope ')) return err;
  err.message = `${err.message}: In scope ${scope}`;
  return err;
}

export { arrayOf, dateTime };
