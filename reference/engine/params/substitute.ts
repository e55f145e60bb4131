// Query parameters: `{name:Type}` placeholders replaced by the values a
// client sent (param_<name> over HTTP), the way ReplaceQueryParameterVisitor
// does it: each value is read with the type's Escaped text deserialization
// and must be consumed completely; String becomes a literal, any other type
// `_CAST(literal, 'Type')`, and `{name:Identifier}` the raw text as a name.

import { EngineError } from '../errors.ts';
import { formatFloat, parseType, quoteString, serializeQuoted, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import type { Expr } from '../parser/ast.ts';
import { identifierParamName } from '../parser/ast.ts';
import { readEscaped } from './escaped-text.ts';

export type QueryParameters = ReadonlyMap<string, string>;

function backQuote(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * `analyzerWhenEmpty`: without any parameters the placeholder is left to the
 * analyzer, which words it its own way (24.x); 26.7 substitutes anyway.
 */
function valueOf(params: QueryParameters | undefined, name: string, analyzerWhenEmpty: boolean): string {
  if (analyzerWhenEmpty && (!params || params.size === 0)) {
    throw new EngineError('UNKNOWN_QUERY_PARAMETER', `Query parameter ${backQuote(name)} was not set`);
  }
  const v = params?.get(name);
  if (v === undefined) throw new EngineError('UNKNOWN_QUERY_PARAMETER', `Substitution ${backQuote(name)} is not set`);
  return v;
}

/** Parse one parameter value as `typeName`; errors exactly as ClickHouse words them. */
export function parseParameterValue(name: string, typeName: string, text: string, tz?: string): { type: DataType; value: unknown } {
  const type = parseType(typeName);
  let r;
  try {
    r = readEscaped(type, text, 0, tz);
  } catch (e) {
    if (e instanceof EngineError) {
      e.message += `: value ${text} cannot be parsed as ${typeName} for query parameter '${name}'`;
    }
    throw e;
  }
  if (r.end < text.length) {
    const parsed = text.slice(0, r.end);
    throw new EngineError('BAD_QUERY_PARAMETER', `Value ${text} cannot be parsed as ${typeName} for query parameter '${name}' because it isn't parsed completely: only ${Buffer.byteLength(parsed)} of ${Buffer.byteLength(text)} bytes was parsed: ${parsed}`);
  }
  return { type, value: r.value };
}

/** The literal a Field of `type` becomes in the AST (Date/DateTime are numbers there). */
function literalOf(type: DataType, value: unknown): Expr {
  if (value === null) return { t: 'lit', value: null, raw: 'NULL' };
  const base = unwrapNullable(type);
  switch (base.kind) {
    case 'String':
      return { t: 'lit', value, raw: quoteString(value as string) };
    case 'Bool':
      return { t: 'lit', value, raw: value ? 'true' : 'false' };
    case 'Float32':
    case 'Float64':
      return { t: 'lit', value, raw: formatFloat(value as number) };
    case 'Array':
      return { t: 'fn', name: 'array', args: (value as unknown[]).map((v) => literalOf(base.inner!, v)) };
    case 'UInt8': case 'UInt16': case 'UInt32': case 'UInt64': case 'Int8': case 'Int16': case 'Int32': case 'Int64':
    case 'Date': case 'DateTime': case 'Enum8': case 'Enum16': case 'IPv4': {
      const big = BigInt(value as number | bigint);
      return { t: 'lit', value: big, raw: String(big) };
    }
    default:
      // The Field as it is (wide integers, Decimal, DateTime64, UUID, IPv6, FixedString, Tuple, Map…):
      // no SQL number or string could carry it exactly, so the literal keeps its type.
      return { t: 'lit', value, raw: serializeQuoted(base, value), type: base };
  }
}

function substituteExpr(e: Expr & { t: 'param' }, params: QueryParameters | undefined, tz: string | undefined,
  analyzerWhenEmpty: boolean): Expr {
  const text = valueOf(params, e.name, analyzerWhenEmpty);
  const { type, value } = parseParameterValue(e.name, e.type, text, tz);
  const lit = literalOf(type, value);
  const out: Expr = type.kind === 'String'
    ? lit
    : { t: 'fn', name: '_CAST', args: [lit, { t: 'lit', value: e.type, raw: quoteString(e.type) }] };
  if (e.alias !== undefined) out.alias = e.alias;
  return out;
}

function substituteName(text: string, params: QueryParameters | undefined, analyzerWhenEmpty: boolean): string {
  const name = identifierParamName(text);
  if (name === undefined) return text;
  const v = valueOf(params, name, analyzerWhenEmpty);
  if (v === '') throw new EngineError('BAD_QUERY_PARAMETER', `Empty Identifier part after parameter ${backQuote(name)} substitution`);
  return v;
}

/**
 * A copy of `node` with every placeholder replaced, visited in source order so
 * the first missing or bad parameter is the one reported. Nodes without
 * placeholders are shared, not copied.
 */
export function substituteParameters<T>(node: T, params: QueryParameters | undefined, tz?: string,
  analyzerWhenEmpty = true): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return substituteName(v, params, analyzerWhenEmpty);
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = visit(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (o.t === 'param') return substituteExpr(o as Expr & { t: 'param' }, params, tz, analyzerWhenEmpty);
    let copy: Record<string, unknown> | undefined;
    for (const k of Object.keys(o)) {
      const y = visit(o[k]);
      if (y !== o[k]) {
        copy ??= { ...o };
        copy[k] = y;
      }
    }
    return copy ?? o;
  };
  return visit(node) as T;
}
