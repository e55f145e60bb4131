// Access-control statements: CREATE/DROP USER and ROLE, GRANT/REVOKE,
// SET [DEFAULT] ROLE, SHOW GRANTS/ROLES/USERS. Kept apart from the main
// parser; it borrows that parser's token helpers through AccessParserHost.

import { EngineError } from '../errors.ts';
import type { Token } from './lexer.ts';
import type { AuthSpec, Expr, GrantElement, GrantTarget, PrivilegeSpec, RoleSet, Statement } from './ast.ts';

export interface AccessParserHost {
  isKw(word: string, offset?: number): boolean;
  kw(...words: string[]): boolean;
  needKw(...words: string[]): void;
  isOp(op: string, offset?: number): boolean;
  op(op: string): boolean;
  needOp(op: string): void;
  identifier(what?: string): string;
  stringLiteral(): string;
  settingsList(): [string, string][];
  expr(): Expr;
  expect(what: string): void;
  fail(): EngineError;
  tok(): Token;
  advance(): Token;
}

const AUTH_TYPES = new Set(['no_password', 'plaintext_password', 'sha256_password', 'sha256_hash', 'double_sha1_password', 'double_sha1_hash']);

/** The statement when the tokens start an access statement; undefined (nothing consumed) otherwise. */
export function parseAccessStatement(p: AccessParserHost): Statement | undefined {
  if (p.isKw('CREATE')) {
    const at = p.isKw('OR', 1) && p.isKw('REPLACE', 2) ? 3 : 1;
    if (p.isKw('ROLE', at) || p.isKw('USER', at)) return create(p);
    return undefined;
  }
  if (p.isKw('DROP')) {
    if (p.isKw('USER', 1) || p.isKw('ROLE', 1) || p.isKw('QUOTA', 1) || p.isKw('PROFILE', 1)
      || (p.isKw('SETTINGS', 1) && p.isKw('PROFILE', 2)) || (p.isKw('ROW', 1) && p.isKw('POLICY', 2))) return drop(p);
    return undefined;
  }
  if (p.isKw('GRANT')) return grant(p, false);
  if (p.isKw('REVOKE')) return grant(p, true);
  if (p.isKw('SET') && p.isKw('ROLE', 1)) {
    p.advance();
    p.advance();
    if (p.kw('DEFAULT')) return { kind: 'set_role', roles: { all: false, none: false, names: [], except: [] }, useDefault: true };
    return { kind: 'set_role', roles: roleSet(p), useDefault: false };
  }
  if (p.isKw('SET') && p.isKw('DEFAULT', 1) && p.isKw('ROLE', 2)) {
    p.advance();
    p.advance();
    p.advance();
    const roles = roleSet(p);
    p.needKw('TO');
    return { kind: 'set_default_role', roles, to: nameList(p, true) };
  }
  if (p.isKw('SHOW')) {
    if (p.isKw('GRANTS', 1)) {
      p.advance();
      p.advance();
      if (p.kw('FOR')) return { kind: 'show_grants', for: nameList(p, true) };
      return { kind: 'show_grants' };
    }
    const what = p.isKw('USERS', 1) ? 'users' : p.isKw('ROLES', 1) ? 'roles' : p.isKw('QUOTAS', 1) ? 'quotas'
      : p.isKw('PROFILES', 1) ? 'profiles' : p.isKw('SETTINGS', 1) && p.isKw('PROFILES', 2) ? 'profiles'
        : p.isKw('CURRENT', 1) && p.isKw('ROLES', 2) ? 'current_roles' : p.isKw('ENABLED', 1) && p.isKw('ROLES', 2) ? 'enabled_roles' : undefined;
    if (!what) return undefined;
    p.advance();
    if (p.isKw('SETTINGS') || p.isKw('CURRENT') || p.isKw('ENABLED')) p.advance();
    p.advance();
    return { kind: 'show_access', what };
  }
  return undefined;
}

/** A user or role name: identifier or string literal. */
function entityName(p: AccessParserHost): string {
  if (p.tok().type === 'string') return p.stringLiteral();
  return p.identifier();
}

function nameList(p: AccessParserHost, allowCurrentUser: boolean): string[] {
  const out: string[] = [];
  do {
    if (allowCurrentUser && p.isKw('CURRENT_USER')) {
      p.advance();
      if (p.isOp('(')) {
        p.advance();
        p.needOp(')');
      }
      out.push('\u0001CURRENT_USER');
      continue;
    }
    out.push(entityName(p));
  } while (p.op(','));
  return out;
}

function roleSet(p: AccessParserHost): RoleSet {
  if (p.kw('NONE')) return { all: false, none: true, names: [], except: [] };
  if (p.kw('ALL')) {
    const except = p.kw('EXCEPT') ? nameList(p, false) : [];
    return { all: true, none: false, names: [], except };
  }
  return { all: false, none: false, names: nameList(p, false), except: [] };
}

function ifNotExistsOrReplace(p: AccessParserHost, orReplace: boolean): { ifNotExists: boolean; orReplace: boolean } {
  let ifNotExists = false;
  if (p.kw('IF')) {
    p.needKw('NOT');
    p.needKw('EXISTS');
    ifNotExists = true;
  } else if (!orReplace && p.kw('OR')) {
    p.needKw('REPLACE');
    orReplace = true;
  }
  return { ifNotExists, orReplace };
}

function create(p: AccessParserHost): Statement {
  p.advance();
  let orReplace = false;
  if (p.kw('OR')) {
    p.needKw('REPLACE');
    orReplace = true;
  }
  if (p.kw('ROLE')) {
    const flags = ifNotExistsOrReplace(p, orReplace);
    const names = nameList(p, false);
    const settings = p.kw('SETTINGS') ? p.settingsList() : [];
    return { kind: 'create_role', names, ...flags, settings };
  }
  p.needKw('USER');
  const flags = ifNotExistsOrReplace(p, orReplace);
  const names = nameList(p, false);
  const st: Statement & { kind: 'create_user' } = { kind: 'create_user', names, ...flags, settings: [] };
  for (;;) {
    if (p.kw('NOT', 'IDENTIFIED')) {
      st.auth = { type: 'no_password' };
      continue;
    }
    if (p.kw('IDENTIFIED')) {
      st.auth = identified(p);
      continue;
    }
    if (p.kw('HOST')) {
      st.hosts = [];
      do {
        if (p.kw('ANY')) st.hosts.push('::/0');
        else if (p.kw('LOCAL')) st.hosts.push('localhost');
        else if (p.kw('NONE')) {
          /* no hosts */
        } else {
          p.kw('IP') || p.kw('NAME') || p.kw('LIKE') || p.kw('REGEXP');
          st.hosts.push(p.stringLiteral());
        }
      } while (p.op(','));
      continue;
    }
    if (p.kw('DEFAULT', 'ROLE')) {
      st.defaultRoles = roleSet(p);
      continue;
    }
    if (p.kw('DEFAULT', 'DATABASE')) {
      if (p.kw('NONE')) st.defaultDatabase = '';
      else st.defaultDatabase = p.identifier('database name');
      continue;
    }
    if (p.kw('SETTINGS')) {
      st.settings.push(...p.settingsList());
      continue;
    }
    break;
  }
  return st;
}

function identified(p: AccessParserHost): AuthSpec {
  if (p.kw('WITH')) {
    const t = p.tok();
    const type = p.identifier('authentication type').toLowerCase();
    if (!AUTH_TYPES.has(type)) {
      throw new EngineError('BAD_ARGUMENTS', `Unknown authentication type ${t.text}`);
    }
    if (type === 'no_password') return { type: 'no_password' };
    p.needKw('BY');
    return { type: type as AuthSpec['type'], value: p.stringLiteral() };
  }
  p.needKw('BY');
  // default_password_type is sha256_password in 24.8.
  return { type: 'sha256_password', value: p.stringLiteral() };
}

function drop(p: AccessParserHost): Statement {
  p.advance();
  let what: 'user' | 'role' | 'settings_profile' | 'quota' | 'row_policy';
  if (p.kw('USER')) what = 'user';
  else if (p.kw('ROLE')) what = 'role';
  else if (p.kw('QUOTA')) what = 'quota';
  else if (p.kw('ROW', 'POLICY')) what = 'row_policy';
  else {
    p.kw('SETTINGS');
    p.needKw('PROFILE');
    what = 'settings_profile';
  }
  let ifExists = false;
  if (p.kw('IF')) {
    p.needKw('EXISTS');
    ifExists = true;
  }
  return { kind: 'drop_access', what, names: nameList(p, false), ifExists };
}

/** Words of one privilege, `SELECT`, `CREATE TEMPORARY TABLE`, with optional `(columns)`. */
function grantItem(p: AccessParserHost): { words: string[]; text: string; columns?: string[]; isName: boolean } {
  const first = p.tok();
  if (first.type === 'quoted_id' || first.type === 'string') {
    return { words: [], text: entityName(p), isName: true };
  }
  const words: string[] = [];
  while (p.tok().type === 'word' && !p.isKw('ON') && !p.isKw('TO') && !p.isKw('FROM')) {
    words.push(p.advance().text);
  }
  if (words.length === 0) {
    p.expect('access type');
    throw p.fail();
  }
  let columns: string[] | undefined;
  if (p.isOp('(')) {
    p.advance();
    columns = [];
    do columns.push(p.identifier('column name')); while (p.op(','));
    p.needOp(')');
  }
  return { words, text: words.join(' '), ...(columns ? { columns } : {}), isName: words.length === 1 && !columns };
}

function grantTarget(p: AccessParserHost): GrantTarget {
  if (p.isOp('*')) {
    p.advance();
    if (p.op('.')) {
      p.needOp('*');
      return { global: true };
    }
    return {};
  }
  const a = p.identifier('database or table name');
  if (p.op('.')) {
    if (p.isOp('*')) {
      p.advance();
      return { db: a };
    }
    return { db: a, table: p.identifier('table name') };
  }
  return { table: a };
}

function grant(p: AccessParserHost, revoke: boolean): Statement {
  p.advance();
  let option = false;
  if (revoke && (p.kw('GRANT', 'OPTION', 'FOR') || p.kw('ADMIN', 'OPTION', 'FOR'))) option = true;
  const elements: GrantElement[] = [];
  let pending: { words: string[]; text: string; columns?: string[]; isName: boolean }[] = [];
  for (;;) {
    pending.push(grantItem(p));
    if (p.kw('ON')) {
      const privileges: PrivilegeSpec[] = pending.map((i) => {
        if (i.words.length === 0) {
          p.expect('access type');
          throw p.fail();
        }
        return { access: i.words.map((w) => w.toUpperCase()).join(' '), ...(i.columns ? { columns: i.columns } : {}) };
      });
      elements.push({ privileges, on: grantTarget(p) });
      pending = [];
      if (p.op(',')) continue;
      break;
    }
    if (p.op(',')) continue;
    break;
  }
  if (revoke) p.needKw('FROM');
  else p.needKw('TO');
  const to = nameList(p, true);
  if (elements.length > 0 && pending.length === 0) {
    if (!revoke && p.kw('WITH', 'GRANT', 'OPTION')) option = true;
    if (!revoke) p.kw('WITH', 'REPLACE', 'OPTION');
    return { kind: 'grant', revoke, elements, to, option };
  }
  if (elements.length > 0) throw p.fail();
  const roles = pending.map((i) => {
    if (!i.isName) {
      p.expect('ON');
      throw p.fail();
    }
    return i.text;
  });
  if (!revoke && p.kw('WITH', 'ADMIN', 'OPTION')) option = true;
  return { kind: 'grant_role', revoke, roles, to, option };
}
