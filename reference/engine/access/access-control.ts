// Users, roles and settings profiles (ClickHouse's AccessControl): two
// storages, `users_xml` (from the server's config, read-only to SQL) and
// `local_directory` (CREATE USER/ROLE), authentication, profiles, the roles
// a query runs with, and privilege checks with ClickHouse's messages.

import { createHash, randomUUID } from 'node:crypto';
import { EngineError } from '../errors.ts';
import type { ErrorName } from '../errors.ts';
import type { Settings } from '../settings.ts';
import type { AuthSpec, RoleSet } from '../parser/ast.ts';
import { parseStatement } from '../parser/parser.ts';
import type { AccessConfig, ProfileConfig, UserConfig } from './config.ts';
import { defaultAccessConfig } from './config.ts';
import { addressAllowed } from './networks.ts';
import { QuotaUsage } from './quotas.ts';
import { GrantSet, canonicalAccess, elementText, fullAccess } from './privileges.ts';
import type { Level } from './privileges.ts';

export type StorageName = 'users_xml' | 'local_directory';

export interface AccessUser {
  kind: 'user';
  id: string;
  name: string;
  storage: StorageName;
  auth: { type: AuthSpec['type']; value?: string };
  networks?: UserConfig['networks'];
  profile?: string;
  quota?: string;
  defaultDatabase: string;
  grants: GrantSet;
  /** role name → granted WITH ADMIN OPTION */
  grantedRoles: Map<string, boolean>;
  defaultRoles: RoleSet;
  settings: [string, string][];
}

export interface AccessRole {
  kind: 'role';
  id: string;
  name: string;
  storage: StorageName;
  grants: GrantSet;
  grantedRoles: Map<string, boolean>;
  settings: [string, string][];
}

export interface SettingsProfile {
  id: string;
  name: string;
  storage: StorageName;
  config: ProfileConfig;
}

const ALL_ROLES: RoleSet = { all: true, none: false, names: [], except: [] };

const NOT_FOUND: Record<string, ErrorName> = { user: 'UNKNOWN_USER', role: 'UNKNOWN_ROLE', 'settings profile': 'THERE_IS_NO_PROFILE' };

function backQuote(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

export function notFound(type: 'user' | 'role' | 'settings profile', name: string): EngineError {
  return new EngineError(NOT_FOUND[type]!, `There is no ${type} ${backQuote(name)} in user directories`);
}

/** The help AccessControl::authenticate adds for `default` (24.8: no ClickHouse Cloud paragraph). */
const DEFAULT_USER_HELP = '\n\nIf you have installed ClickHouse and forgot password you can reset it in the configuration file.\n'
  + 'The password for default user is typically located at /etc/clickhouse-server/users.d/default-password.xml\n'
  + 'and deleting this file will reset the password.\n'
  + 'See also /etc/clickhouse-server/users.xml on the server where ClickHouse is installed.\n\n';

/** The paragraph later releases put first in that help. */
const CLOUD_HELP = '\n\nIf you use ClickHouse Cloud, the password can be reset at https://clickhouse.cloud/\n'
  + 'on the settings page for the corresponding service.';

/** How a failed login is told, as the credentials and the server's release allow. */
export interface LoginFailure {
  /**
   * Credentials::allowInteractiveBasicAuthenticationInTheBrowser: a failed
   * login as `default` is REQUIRED_PASSWORD (194), so that the browser asks.
   */
  browserMayAsk?: boolean;
  /** The help for `default` starts with the ClickHouse Cloud paragraph. */
  cloudHelp?: boolean;
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function doubleSha1Hex(s: string): string {
  return createHash('sha1').update(createHash('sha1').update(s).digest()).digest('hex');
}

export class AccessControl {
  readonly users = new Map<string, AccessUser>();
  readonly roles = new Map<string, AccessRole>();
  readonly profiles = new Map<string, SettingsProfile>();
  readonly quotas: QuotaUsage;

  constructor(config: AccessConfig = defaultAccessConfig(), timezone = 'UTC') {
    for (const [name, p] of Object.entries(config.profiles ?? {})) {
      this.profiles.set(name, { id: randomUUID(), name, storage: 'users_xml', config: p });
    }
    this.quotas = new QuotaUsage(config.quotas ?? {}, timezone);
    // Roles first: the grants of users (and of other roles) may name them.
    for (const name of Object.keys(config.roles ?? {})) {
      this.roles.set(name, { kind: 'role', id: randomUUID(), name, storage: 'users_xml', grants: new GrantSet(), grantedRoles: new Map(), settings: [] });
    }
    for (const [name, r] of Object.entries(config.roles ?? {})) this.applyConfigGrants(this.roles.get(name)!, r.grants ?? []);
    for (const [name, u] of Object.entries(config.users)) this.users.set(name, this.userFromConfig(name, u));
  }

  /**
   * The <grants> of a user or role in users.xml: `GRANT priv ON x` adds
   * privileges, `GRANT role` grants a role (which must be defined).
   */
  private applyConfigGrants(holder: { name: string; grants: GrantSet; grantedRoles: Map<string, boolean> }, queries: string[]): void {
    for (const q of queries) {
      const st = parseStatement(`${q} TO \`${holder.name.replace(/`/g, '\\`')}\``).statement;
      if (st.kind === 'grant_role' && !st.revoke) {
        for (const r of st.roles) {
          this.role(r);
          holder.grantedRoles.set(r, st.option);
        }
        continue;
      }
      if (st.kind !== 'grant' || st.revoke) throw new EngineError('BAD_ARGUMENTS', `Only GRANT queries are allowed in the grants of ${holder.name}: ${q}`);
      for (const el of st.elements) {
        for (const p of el.privileges) holder.grants.grant(canonicalAccess(p.access), levelOf(el.on, 'default', p.columns), st.option);
      }
    }
  }

  private userFromConfig(name: string, u: UserConfig): AccessUser {
    const auth: AccessUser['auth'] = u.noPassword ? { type: 'no_password' }
      : u.passwordSha256Hex !== undefined ? { type: 'sha256_hash', value: u.passwordSha256Hex.toLowerCase() }
        : u.passwordDoubleSha1Hex !== undefined ? { type: 'double_sha1_hash', value: u.passwordDoubleSha1Hex.toLowerCase() }
          : { type: 'plaintext_password', value: u.password ?? '' };
    let grants: GrantSet;
    const grantedRoles = new Map<string, boolean>();
    if (u.grants) {
      grants = new GrantSet();
      this.applyConfigGrants({ name, grants, grantedRoles }, u.grants);
    } else if (u.allowDatabases) {
      grants = new GrantSet();
      for (const db of u.allowDatabases) grants.grant('ALL', { db });
    } else {
      grants = fullAccess(u.accessManagement ?? false);
    }
    if (u.accessManagement && u.grants) grants.grant('ACCESS MANAGEMENT', {}, true);
    return {
      kind: 'user', id: randomUUID(), name, storage: 'users_xml', auth,
      ...(u.networks ? { networks: u.networks } : {}),
      profile: u.profile ?? 'default',
      ...(u.quota !== undefined ? { quota: u.quota } : {}),
      defaultDatabase: u.defaultDatabase ?? '',
      grants, grantedRoles, defaultRoles: ALL_ROLES, settings: [],
    };
  }

  // ------------------------------------------------------------ authentication

  /**
   * The user when the password is right and the address allowed. Otherwise
   * AUTHENTICATION_FAILED (516) with the one message for every cause, plus
   * the reset help for `default` and the empty name.
   */
  authenticate(name: string, password: string, address?: string, failure: LoginFailure = {}): AccessUser {
    const u = this.users.get(name);
    if (u && passwordMatches(u, password) && addressAllowed(address, u.networks)) return u;
    let message = `${name}: Authentication failed: password is incorrect, or there is no user with such name`;
    if (name !== '' && name !== 'default') throw new EngineError('AUTHENTICATION_FAILED', message);
    message += failure.cloudHelp ? CLOUD_HELP + DEFAULT_USER_HELP : DEFAULT_USER_HELP;
    throw new EngineError(failure.browserMayAsk ? 'REQUIRED_PASSWORD' : 'AUTHENTICATION_FAILED', message);
  }

  user(name: string): AccessUser {
    const u = this.users.get(name);
    if (!u) throw notFound('user', name);
    return u;
  }

  role(name: string): AccessRole {
    const r = this.roles.get(name);
    if (!r) throw notFound('role', name);
    return r;
  }

  // ------------------------------------------------------------ profiles

  /** Apply a settings profile (inherited profiles first). THERE_IS_NO_PROFILE (180) when unknown. */
  applyProfile(settings: Settings, name: string, seen = new Set<string>()): void {
    const p = this.profiles.get(name);
    if (!p) {
      const e = notFound('settings profile', name);
      e.message += `: , while trying to set settings profile ${name}`;
      throw e;
    }
    if (seen.has(name)) return;
    seen.add(name);
    for (const parent of p.config.profiles ?? []) this.applyProfile(settings, parent, seen);
    for (const [k, v] of Object.entries(p.config.settings ?? {})) settings.setUnchecked(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }

  /** What a session or query of `user` starts with: its profile, then its own SETTINGS. */
  applyUserSettings(user: AccessUser, settings: Settings): void {
    if (user.profile) this.applyProfile(settings, user.profile);
    for (const [k, v] of user.settings) settings.setUnchecked(k, v);
  }

  // ------------------------------------------------------------ roles

  /** Names of the roles in `set` that `user` was granted. */
  private grantedIn(user: AccessUser, set: RoleSet): string[] {
    if (set.none) return [];
    if (set.all) return [...user.grantedRoles.keys()].filter((r) => !set.except.includes(r) && this.roles.has(r));
    return set.names.filter((r) => user.grantedRoles.has(r) && this.roles.has(r));
  }

  defaultRoles(user: AccessUser): string[] {
    return this.grantedIn(user, user.defaultRoles);
  }

  /**
   * Roles chosen with the `role` URL parameter (Context::setCurrentRoles):
   * each must exist (511) and be granted (512).
   */
  checkCurrentRoles(user: AccessUser, names: readonly string[]): string[] {
    const out: string[] = [];
    for (const n of names) {
      this.role(n);
      if (!out.includes(n)) out.push(n);
    }
    for (const n of out) {
      if (!user.grantedRoles.has(n)) throw new EngineError('SET_NON_GRANTED_ROLE', `Role ${n} should be granted to set as a current`);
    }
    return out;
  }

  /** SET ROLE: the InterpreterSetRoleQuery wording for a role not granted. */
  rolesForSetRole(user: AccessUser, set: RoleSet): string[] {
    if (set.none) return [];
    for (const n of [...set.names, ...set.except]) this.role(n);
    if (set.all) return this.grantedIn(user, set);
    for (const n of set.names) {
      if (!user.grantedRoles.has(n)) throw new EngineError('SET_NON_GRANTED_ROLE', 'Role should be granted to set current');
    }
    return [...new Set(set.names)];
  }

  /** Current roles plus the roles granted to them, transitively. */
  enabledRoles(current: readonly string[]): string[] {
    const out: string[] = [];
    const visit = (n: string): void => {
      if (out.includes(n)) return;
      const r = this.roles.get(n);
      if (!r) return;
      out.push(n);
      for (const g of r.grantedRoles.keys()) visit(g);
    };
    current.forEach(visit);
    return out;
  }

  // ------------------------------------------------------------ privileges

  private grantSets(user: AccessUser, currentRoles: readonly string[]): GrantSet[] {
    return [user.grants, ...this.enabledRoles(currentRoles).map((r) => this.roles.get(r)!.grants)];
  }

  isGranted(user: AccessUser, currentRoles: readonly string[], access: string, level: Level, grantOption = false): boolean {
    const sets = this.grantSets(user, currentRoles);
    if (!level.columns) return sets.some((g) => g.isGranted(access, level, grantOption));
    // Columns may come from different grants (user and roles).
    return level.columns.every((c) => sets.some((g) => g.isGranted(access, { ...level, columns: [c] }, grantOption)));
  }

  /** ACCESS_DENIED (497) in ContextAccess's words unless granted. */
  check(user: AccessUser, currentRoles: readonly string[], access: string, level: Level, grantOption = false): void {
    if (this.isGranted(user, currentRoles, access, level, grantOption)) return;
    if (grantOption && this.isGranted(user, currentRoles, access, level)) {
      throw new EngineError('ACCESS_DENIED', `${user.name}: Not enough privileges. The required privileges have been granted, but without grant option. To execute this query, it's necessary to have the grant ${elementText([access], level)} WITH GRANT OPTION`);
    }
    throw new EngineError('ACCESS_DENIED', `${user.name}: Not enough privileges. To execute this query, it's necessary to have the grant ${elementText([access], level)}${grantOption ? ' WITH GRANT OPTION' : ''}`);
  }

  /** May the user see this database or table at all (SHOW filtering)? */
  canSee(user: AccessUser, currentRoles: readonly string[], db: string, table?: string): boolean {
    return this.grantSets(user, currentRoles).some((g) => g.anyOn(db, table));
  }

  /** GRANT role: ROLE ADMIN, or the role held WITH ADMIN OPTION. */
  checkAdminOption(user: AccessUser, currentRoles: readonly string[], role: string): void {
    if (this.isGranted(user, currentRoles, 'ROLE ADMIN', {})) return;
    const holders = [user, ...this.enabledRoles(currentRoles).map((r) => this.roles.get(r)!)];
    if (holders.some((h) => h.grantedRoles.get(role) === true)) return;
    const enabled = this.enabledRoles(currentRoles).includes(role);
    throw new EngineError('ACCESS_DENIED', enabled
      ? `${user.name}: Not enough privileges. Role ${backQuote(role)} is granted, but without ADMIN option. To execute this query, it's necessary to have the role ${role} granted with ADMIN option.`
      : `${user.name}: Not enough privileges. To execute this query, it's necessary to have the role ${role} granted with ADMIN option.`);
  }
}

function passwordMatches(u: AccessUser, password: string): boolean {
  switch (u.auth.type) {
    case 'no_password': return true;
    case 'plaintext_password': return u.auth.value === password;
    case 'sha256_password': case 'sha256_hash': return u.auth.value === sha256Hex(password);
    case 'double_sha1_password': case 'double_sha1_hash': return u.auth.value === doubleSha1Hex(password);
  }
}

/** The stored form of IDENTIFIED WITH: passwords are kept hashed, as ClickHouse does. */
export function storedAuth(spec: AuthSpec | undefined): AccessUser['auth'] {
  if (!spec || spec.type === 'no_password') return { type: 'no_password' };
  const v = spec.value ?? '';
  switch (spec.type) {
    case 'plaintext_password': return { type: 'plaintext_password', value: v };
    case 'sha256_password': return { type: 'sha256_password', value: sha256Hex(v) };
    case 'sha256_hash': return { type: 'sha256_password', value: v.toLowerCase() };
    case 'double_sha1_password': return { type: 'double_sha1_password', value: doubleSha1Hex(v) };
    case 'double_sha1_hash': return { type: 'double_sha1_password', value: v.toLowerCase() };
  }
}

/** A GRANT target as a level; `t` and `*` mean the current database. */
export function levelOf(on: { db?: string; table?: string; global?: boolean }, currentDb: string, columns?: string[]): Level {
  if (on.global) return {};
  const db = on.db ?? currentDb;
  return { db, ...(on.table !== undefined ? { table: on.table } : {}), ...(columns ? { columns } : {}) };
}
