// Privileges: a small part of ClickHouse's access-type tree, grants at the
// global / database / table / column level, partial revokes, and the text
// forms SHOW GRANTS and ACCESS_DENIED messages use.

import { EngineError } from '../errors.ts';
import { backQuoteIfNeed } from '../catalog.ts';

/** Parent → children, in ClickHouse's order (AccessType.h). */
const TREE: Record<string, string[]> = {
  ALL: ['SHOW', 'SELECT', 'INSERT', 'ALTER', 'CREATE', 'DROP', 'TRUNCATE', 'OPTIMIZE', 'KILL QUERY', 'ACCESS MANAGEMENT', 'SYSTEM', 'INTROSPECTION', 'SOURCES', 'dictGet'],
  SHOW: ['SHOW DATABASES', 'SHOW TABLES', 'SHOW COLUMNS', 'SHOW DICTIONARIES'],
  CREATE: ['CREATE DATABASE', 'CREATE TABLE', 'CREATE VIEW', 'CREATE DICTIONARY', 'CREATE TEMPORARY TABLE', 'CREATE FUNCTION'],
  DROP: ['DROP DATABASE', 'DROP TABLE', 'DROP VIEW', 'DROP DICTIONARY', 'DROP FUNCTION'],
  'ACCESS MANAGEMENT': ['CREATE USER', 'ALTER USER', 'DROP USER', 'CREATE ROLE', 'ALTER ROLE', 'DROP ROLE', 'ROLE ADMIN', 'CREATE SETTINGS PROFILE', 'ALTER SETTINGS PROFILE', 'DROP SETTINGS PROFILE', 'CREATE QUOTA', 'DROP QUOTA', 'SHOW ACCESS'],
  'SHOW ACCESS': ['SHOW USERS', 'SHOW ROLES', 'SHOW SETTINGS PROFILES', 'SHOW QUOTAS'],
};

const ALIASES: Record<string, string> = {
  'ALL PRIVILEGES': 'ALL', 'KILL': 'KILL QUERY', 'SHOW USERS': 'SHOW USERS', 'DICTGET': 'dictGet',
  'CREATE PROFILE': 'CREATE SETTINGS PROFILE', 'DROP PROFILE': 'DROP SETTINGS PROFILE', 'SHOW PROFILES': 'SHOW SETTINGS PROFILES',
};

/** Every access type in tree order. */
const ORDER: string[] = [];
(function walk(name: string): void {
  ORDER.push(name);
  for (const c of TREE[name] ?? []) walk(c);
})('ALL');

/** Types that exist only on the global level (ON *.*). */
const GLOBAL_ONLY = new Set([...(TREE['ACCESS MANAGEMENT'] ?? []), ...(TREE['SHOW ACCESS'] ?? []), 'ACCESS MANAGEMENT', 'KILL QUERY', 'SYSTEM', 'INTROSPECTION', 'SOURCES', 'CREATE TEMPORARY TABLE', 'CREATE FUNCTION', 'DROP FUNCTION']);

/** The canonical name of an access type as written in GRANT; SYNTAX_ERROR when unknown. */
export function canonicalAccess(text: string): string {
  const upper = text.toUpperCase().replace(/\s+/g, ' ');
  const name = ALIASES[upper] ?? ORDER.find((o) => o.toUpperCase() === upper);
  if (!name) throw new EngineError('SYNTAX_ERROR', `Syntax error: unknown access type ${text}`);
  return name;
}

/** The access type and everything under it. */
function expand(name: string, out = new Set<string>()): Set<string> {
  out.add(name);
  for (const c of TREE[name] ?? []) expand(c, out);
  return out;
}

export interface Level {
  /** undefined: every database (*.*). */
  db?: string;
  /** undefined: every table of `db`. */
  table?: string;
  /** undefined: every column. */
  columns?: string[];
}

export interface GrantEntry extends Level {
  access: string[];
  grantOption: boolean;
}

function covers(entry: Level, want: Level): boolean {
  if (entry.db !== undefined && entry.db !== want.db) return false;
  if (entry.table !== undefined && entry.table !== want.table) return false;
  if (entry.columns !== undefined) {
    if (want.columns === undefined) return false;
    return want.columns.every((c) => entry.columns!.includes(c));
  }
  return true;
}

function sameLevel(a: Level, b: Level): boolean {
  return a.db === b.db && a.table === b.table && String(a.columns ?? '') === String(b.columns ?? '');
}

/** `ON *.*`, `ON db.*`, `ON db.t`. */
export function levelText(l: Level): string {
  if (l.db === undefined) return '*.*';
  return `${backQuoteIfNeed(l.db)}.${l.table === undefined ? '*' : backQuoteIfNeed(l.table)}`;
}

/** `SELECT(a, b) ON db.t` as AccessRightsElement::toStringWithoutOptions writes it. */
export function elementText(access: string[], l: Level): string {
  const names = [...access].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const cols = l.columns ? `(${l.columns.map(backQuoteIfNeed).join(', ')})` : '';
  return `${names.map((n) => n + cols).join(', ')} ON ${levelText(l)}`;
}

/** The privileges of one user or role. */
export class GrantSet {
  grants: GrantEntry[] = [];
  /** Partial revokes: taken away below a level granted higher up. */
  revokes: GrantEntry[] = [];

  clone(): GrantSet {
    const g = new GrantSet();
    g.grants = this.grants.map((e) => ({ ...e, access: [...e.access] }));
    g.revokes = this.revokes.map((e) => ({ ...e, access: [...e.access] }));
    return g;
  }

  grant(access: string, level: Level, grantOption = false): void {
    if (GLOBAL_ONLY.has(access) && level.db !== undefined) {
      throw new EngineError('INVALID_GRANT', `${access} cannot be granted on the ${level.table === undefined ? 'database' : 'table'} level`);
    }
    this.revokes = this.revokes.filter((r) => {
      if (!covers(level, r)) return true;
      r.access = r.access.filter((a) => !expand(access).has(a));
      return r.access.length > 0;
    });
    const same = this.grants.find((e) => sameLevel(e, level) && e.grantOption === grantOption);
    if (same) {
      if (!same.access.includes(access)) same.access.push(access);
    } else {
      this.grants.push({ ...level, access: [access], grantOption });
    }
    if (grantOption) {
      const plain = this.grants.find((e) => sameLevel(e, level) && !e.grantOption);
      if (plain) plain.access = plain.access.filter((a) => a !== access);
      this.grants = this.grants.filter((e) => e.access.length > 0);
    }
  }

  /** REVOKE: drop it where granted at exactly this level, and mark a partial revoke under a wider grant. */
  revoke(access: string, level: Level, grantOptionOnly = false): void {
    const gone = expand(access);
    for (const e of this.grants) {
      if (sameLevel(e, level) || (covers(level, e) && !sameLevel(level, e))) {
        if (grantOptionOnly) {
          if (e.grantOption) e.grantOption = false;
          continue;
        }
        e.access = e.access.filter((a) => !gone.has(a));
      }
    }
    this.grants = this.grants.filter((e) => e.access.length > 0);
    if (!grantOptionOnly && this.isGranted(access, level)) this.revokes.push({ ...level, access: [access], grantOption: false });
  }

  isGranted(access: string, want: Level, needGrantOption = false): boolean {
    const cols = want.columns ?? [undefined];
    return cols.every((c) => {
      const w: Level = { ...want, ...(c !== undefined ? { columns: [c] } : {}) };
      const granted = this.grants.some((e) => (!needGrantOption || e.grantOption) && covers(e, w) && e.access.some((a) => expand(a).has(access)));
      const revoked = this.revokes.some((r) => covers(r, w) && r.access.some((a) => expand(a).has(access)));
      return granted && !revoked;
    });
  }

  /** Granted on the database (any table/column) or higher: what SHOW TABLES filtering needs. */
  anyOn(db: string, table?: string): boolean {
    return this.grants.some((e) => e.db === undefined || (e.db === db && (table === undefined || e.table === undefined || e.table === table)));
  }
}

/** ALL with every access type, or ALL minus access management (users.xml without access_management). */
export function fullAccess(accessManagement: boolean): GrantSet {
  const g = new GrantSet();
  if (accessManagement) g.grant('ALL', {}, true);
  else for (const a of TREE.ALL!) if (a !== 'ACCESS MANAGEMENT') g.grant(a, {}, true);
  return g;
}

export { ORDER as ACCESS_TYPES };
