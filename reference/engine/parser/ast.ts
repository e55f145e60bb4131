// The syntax tree the parser produces and the planner consumes.

import type { DataType } from '../types.ts';

export type Expr =
  /** `type`: a literal that is a value of that type already (a substituted query parameter), not read from its text. */
  | { t: 'lit'; value: unknown; raw: string; alias?: string; type?: DataType }
  | { t: 'id'; parts: string[]; alias?: string }
  | { t: 'fn'; name: string; args: Expr[]; params?: Expr[]; distinct?: boolean; alias?: string; over?: WindowSpec }
  | { t: 'star'; table?: string; alias?: string }
  | { t: 'sub'; query: SelectQuery; alias?: string }
  | { t: 'lambda'; params: string[]; body: Expr; alias?: string }
  /** A query parameter placeholder `{name:Type}`; replaced before planning. */
  | { t: 'param'; name: string; type: string; alias?: string };

/**
 * `{name:Identifier}` where a name stands: the parser stores this marker as
 * the name, and substitution swaps in the parameter's value.
 */
export function identifierParam(name: string): string {
  return `\u0000${name}\u0000`;
}

export function identifierParamName(text: string): string | undefined {
  return text.length > 2 && text.startsWith('\u0000') && text.endsWith('\u0000') ? text.slice(1, -1) : undefined;
}

/** A privilege in GRANT/REVOKE: `SELECT(a, b)`, `CREATE TABLE`, `ALL`. */
export interface PrivilegeSpec {
  access: string;
  columns?: string[];
}

/** `db.table`, `db.*`, `*.*`, `table` or `*` (current database). */
export interface GrantTarget {
  db?: string;
  table?: string;
  /** `*.*` */
  global?: boolean;
}

export interface GrantElement {
  privileges: PrivilegeSpec[];
  on: GrantTarget;
}

/** IDENTIFIED WITH ...: how a CREATE USER sets the password. */
export interface AuthSpec {
  type: 'no_password' | 'plaintext_password' | 'sha256_password' | 'sha256_hash' | 'double_sha1_password' | 'double_sha1_hash';
  value?: string;
}

/** `r1, r2` | `ALL [EXCEPT r]` | `NONE` in SET ROLE / DEFAULT ROLE. */
export interface RoleSet {
  all: boolean;
  none: boolean;
  names: string[];
  except: string[];
}

/** One end of a window frame: UNBOUNDED, CURRENT ROW or an offset, PRECEDING or FOLLOWING. */
export interface FrameBound {
  kind: 'unbounded' | 'current' | 'offset';
  preceding: boolean;
  offset?: Expr;
}

/** `OVER (…)` or `OVER name`: the window of a window function. */
export interface WindowSpec {
  /** A window of the WINDOW clause, alone or as the base of this one. */
  name?: string;
  partitionBy: Expr[];
  orderBy: OrderItem[];
  frame?: { units: 'ROWS' | 'RANGE'; start: FrameBound; end: FrameBound };
}

export interface OrderItem {
  expr: Expr;
  desc: boolean;
  nulls?: 'first' | 'last';
}

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'COMMA' | 'PASTE';
export type JoinStrictness = 'ALL' | 'ANY' | 'SEMI' | 'ANTI' | 'ASOF';

/** `left [strictness] kind JOIN right ON expr | USING (names)`; joins nest to the left. */
export interface JoinExpr {
  t: 'join';
  kind: JoinKind;
  strictness?: JoinStrictness;
  left: TableExpr;
  right: TableExpr;
  on?: Expr;
  using?: string[];
  alias?: undefined;
}

export type TableExpr =
  | { t: 'table'; db?: string; name: string; alias?: string }
  | { t: 'func'; name: string; args: Expr[]; alias?: string }
  | { t: 'sub'; query: SelectQuery; alias?: string }
  | JoinExpr;

export interface SelectCore {
  t: 'select';
  with: Expr[];
  /** `WITH name AS (SELECT …)`: named subqueries the query's FROM and IN can read. */
  ctes?: { name: string; query: SelectQuery }[];
  distinct: boolean;
  columns: Expr[];
  from?: TableExpr;
  arrayJoin?: Expr[];
  where?: Expr;
  groupBy?: Expr[];
  having?: Expr;
  /** WINDOW name AS (…) */
  windows?: { name: string; spec: WindowSpec }[];
  orderBy?: OrderItem[];
  /** ORDER BY ALL: every select item, in this direction. */
  orderAll?: { desc: boolean; nulls?: 'first' | 'last' };
  /** LIMIT n [OFFSET m] BY keys: at most n rows (after m) of each key. */
  limitBy?: { count: Expr; offset?: Expr; by: Expr[] };
  limit?: { count: Expr; offset?: Expr };
  settings: [string, string][];
}

/** How two parts of a query combine; INTERSECT binds tighter than UNION and EXCEPT. */
export type SetOperation = 'UNION ALL' | 'UNION DISTINCT' | 'UNION' | 'INTERSECT ALL' | 'INTERSECT DISTINCT' | 'EXCEPT ALL' | 'EXCEPT DISTINCT';

/** A SELECT, or SELECTs combined by UNION, INTERSECT and EXCEPT. */
export interface SelectQuery {
  t: 'query';
  parts: SelectCore[];
  /** Between part i and i + 1; absent when every one is UNION ALL. */
  ops?: SetOperation[];
  /** ORDER BY / LIMIT are per part in ClickHouse; kept on the parts. */
}

export interface ColumnSpec {
  name: string;
  type?: string;
  defaultKind?: 'DEFAULT' | 'MATERIALIZED' | 'ALIAS' | 'EPHEMERAL';
  defaultExpr?: Expr;
  defaultText?: string;
  comment?: string;
  nullModifier?: 'NULL' | 'NOT NULL';
}

export interface EngineSpec {
  name: string;
  args: Expr[];
  text: string;
}

/** An item of INSERT's column list: a column, or `*` with the columns EXCEPT leaves out. */
export type InsertColumn = string | { except: string[] };

/** One command of ALTER TABLE. */
export type AlterCommand =
  | { t: 'add_column'; column: ColumnSpec; ifNotExists: boolean; after?: string; first?: boolean }
  | { t: 'drop_column'; name: string; ifExists: boolean }
  | { t: 'modify_column'; column: ColumnSpec; ifExists: boolean }
  | { t: 'rename_column'; from: string; to: string; ifExists: boolean }
  | { t: 'delete'; where: Expr }
  | { t: 'update'; assignments: [string, Expr][]; where: Expr };

export type Statement =
  | { kind: 'select'; query: SelectQuery }
  | { kind: 'alter_table'; db?: string; name: string; commands: AlterCommand[] }
  | {
      kind: 'create_view'; db?: string; name: string; ifNotExists: boolean; orReplace: boolean; materialized: boolean;
      /** MATERIALIZED VIEW … TO target: the rows go there. */
      to?: { db?: string; name: string };
      engine?: EngineSpec; populate: boolean; query: SelectQuery;
    }
  | { kind: 'insert'; db?: string; table: string; columns?: InsertColumn[]; select?: SelectQuery; format?: string; hasData: boolean }
  | { kind: 'create_database'; name: string; ifNotExists: boolean; engine?: string }
  | {
      kind: 'create_table'; db?: string; name: string; ifNotExists: boolean; orReplace: boolean; temporary: boolean;
      columns: ColumnSpec[]; engine?: EngineSpec; orderBy?: string; partitionBy?: string; primaryKey?: string;
      sampleBy?: string; tableSettings: [string, string][]; asSelect?: SelectQuery; asTable?: { db?: string; name: string };
      comment?: string;
    }
  | { kind: 'drop'; what: 'table' | 'database' | 'view' | 'dictionary'; db?: string; name: string; ifExists: boolean; temporary: boolean }
  | { kind: 'truncate'; db?: string; name: string; ifExists: boolean }
  | { kind: 'exists'; what: 'table' | 'database' | 'view' | 'dictionary'; db?: string; name: string; temporary: boolean }
  | { kind: 'show_tables'; temporary?: boolean; db?: string; like?: { pattern: string; not: boolean; ilike: boolean }; limit?: number }
  | { kind: 'show_databases'; like?: { pattern: string; not: boolean; ilike: boolean }; limit?: number }
  | { kind: 'show_create'; what: 'table' | 'database'; db?: string; name: string }
  | { kind: 'describe'; db?: string; name?: string; func?: { name: string; args: Expr[] }; query?: SelectQuery }
  | { kind: 'set'; pairs: [string, string][] }
  | { kind: 'use'; db: string }
  | { kind: 'rename'; pairs: { from: { db?: string; name: string }; to: { db?: string; name: string } }[] }
  | { kind: 'kill_query'; where: Expr; mode: 'sync' | 'async' | 'test' }
  | { kind: 'create_role'; names: string[]; ifNotExists: boolean; orReplace: boolean; settings: [string, string][] }
  | {
      kind: 'create_user'; names: string[]; ifNotExists: boolean; orReplace: boolean; auth?: AuthSpec;
      defaultRoles?: RoleSet; defaultDatabase?: string; settings: [string, string][]; hosts?: string[];
    }
  | { kind: 'drop_access'; what: 'user' | 'role' | 'settings_profile' | 'quota' | 'row_policy'; names: string[]; ifExists: boolean }
  | { kind: 'grant'; revoke: boolean; elements: GrantElement[]; to: string[]; option: boolean }
  | { kind: 'grant_role'; revoke: boolean; roles: string[]; to: string[]; option: boolean }
  | { kind: 'set_role'; roles: RoleSet; useDefault: boolean }
  | { kind: 'set_default_role'; roles: RoleSet; to: string[] }
  | { kind: 'show_grants'; for?: string[] }
  | { kind: 'show_access'; what: 'users' | 'roles' | 'current_roles' | 'enabled_roles' | 'profiles' | 'quotas' };
