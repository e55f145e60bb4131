// Names of a JOIN's columns as ClickHouse's analyzer prints them. A column of
// `*` is qualified (`t2.a`, then `default.t2.a`) while its name would also
// bind to another joined table or to an alias of the query; a qualified
// identifier (`t1.a`) drops its qualifiers while the shorter name binds to
// nothing else. With a single join the left table's columns are never
// qualified: a bare name prefers it (single_join_prefer_left_table).
// (QueryAnalyzer::qualifyColumnNodesWithProjectionNames and
// IdentifierResolver::tryResolveIdentifierFromStorage.)

import { EngineError } from '../errors.ts';
import type { Expr } from '../parser/ast.ts';
import type { IdentifierNamer } from '../parser/format.ts';
import type { JoinScope, JoinTable } from './join.ts';
import type { Source } from './env.ts';
import type { ScopeColumn } from '../expr/compiler.ts';

/** A table name no query can write: it makes a `*` item name exactly one column. */
const token = (i: number): string => `\u0001${i}`;

function bindsTo(parts: string[], t: JoinTable): boolean {
  if (t.columns.has(parts[0]!) || t.columns.has(parts.join('.'))) return true;
  if (parts.length > 1 && (parts[0] === t.alias || parts[0] === t.table) && t.columns.has(parts.slice(1).join('.'))) return true;
  return parts.length > 2 && parts[0] === t.db && parts[1] === t.table && t.columns.has(parts.slice(2).join('.'));
}

export interface JoinItems {
  items: Expr[];
  namer: IdentifierNamer;
}

/** The select items of a query over a JOIN (`*` and `t.*` expanded) and how their identifiers are named. */
export function joinSelectItems(columns: Expr[], source: Source, scope: string, aliases: Map<string, Expr>): JoinItems {
  const join: JoinScope = source.join!;
  const cols = source.columns;
  const shouldQualify = (origin: number): boolean => !(join.joins.length === 1 && origin === 0);
  const bindsElsewhere = (parts: string[], origin: number): boolean => join.tables.some((t, i) => i !== origin && bindsTo(parts, t));
  const starNames = new Map<string, string>();

  const starName = (i: number): string => {
    const c = cols[i]!;
    const origin = c.origin ?? 0;
    const qualification = join.tables[origin]!.qualification;
    let parts = [c.name];
    for (let k = qualification.length - 1; k >= 0; k--) {
      const needed = (shouldQualify(origin) && bindsElsewhere(parts, origin)) || aliases.has(parts.join('.'));
      if (!needed) break;
      parts = [qualification[k]!, ...parts];
    }
    return parts.join('.');
  };

  const items: Expr[] = [];
  for (const e of columns) {
    if (e.t !== 'star') {
      items.push(e);
      continue;
    }
    let origin: number | undefined;
    if (e.table) {
      const q = e.table;
      origin = join.tables.findIndex((t) => t.alias === q);
      if (origin < 0) origin = join.tables.findIndex((t) => t.table === q || `${t.db}.${t.table}` === q);
      if (origin < 0) throw new EngineError('UNKNOWN_IDENTIFIER', `Qualified matcher ${q}.* does not find table. In scope ${scope}`);
    }
    cols.forEach((col, at) => {
      if (col.unlisted || (origin === undefined ? col.hidden : col.origin !== origin)) return;
      // `t1.*` lists the left side's own USING column, not the merged one (they differ for rows only the right has).
      const own = origin === undefined ? -1 : cols.findIndex((x) => x.unlisted && x.name === col.name && x.origin === origin);
      const i = own >= 0 ? own : at;
      const c = cols[i]!;
      if (!c.tables.includes(token(i))) c.tables.push(token(i));
      starNames.set(token(i), starName(i));
      items.push({ t: 'id', parts: [token(i), c.name] });
    });
  }

  return { items, namer: identifierNamer(join, cols, aliases, starNames) };
}

/** How identifiers over these tables are named (`t1.a` → `a` where nothing else binds `a`). */
export function identifierNamer(join: JoinScope, cols: ScopeColumn[], aliases: Map<string, Expr>, starNames = new Map<string, string>()): IdentifierNamer {
  const shouldQualify = (origin: number): boolean => !(join.joins.length === 1 && origin === 0);
  const bindsElsewhere = (parts: string[], origin: number): boolean => join.tables.some((t, i) => i !== origin && bindsTo(parts, t));
  return (e) => {
    const star = starNames.get(e.parts[0]!);
    if (star !== undefined) return star;
    const full = e.parts.join('.');
    if (e.parts.length < 2 || cols.some((c) => c.name === full)) return full;
    const table = e.parts.slice(0, -1).join('.');
    const c = cols.find((x) => x.name === e.parts[e.parts.length - 1] && x.tables.includes(table));
    if (!c) return full;
    const origin = c.origin ?? 0;
    let parts = e.parts;
    for (let k = 0; k < e.parts.length - 1; k++) {
      const shorter = parts.slice(1);
      if (aliases.has(shorter.join('.'))) break;
      if (shouldQualify(origin) && bindsElsewhere(shorter, origin)) break;
      // A RIGHT join's USING column is the right side's: the left side's column keeps its qualifier.
      if (shorter.length === 1 && join.joins.some((j, k) => j.kind === 'RIGHT' && j.using.includes(shorter[0]!) && origin <= k)) break;
      parts = shorter;
    }
    return parts.join('.');
  };
}
