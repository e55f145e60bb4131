// Executing the access-control statements against AccessControl: CREATE and
// DROP of users and roles, GRANT/REVOKE, SET [DEFAULT] ROLE, and the SHOW
// statements about them.

import { randomUUID } from 'node:crypto';
import { EngineError } from '../errors.ts';
import { backQuoteIfNeed } from '../catalog.ts';
import type { RoleSet, Statement } from '../parser/ast.ts';
import type { SessionScope } from '../session.ts';
import { AccessControl, levelOf, notFound, storedAuth } from './access-control.ts';
import type { AccessRole, AccessUser, StorageName } from './access-control.ts';
import { GrantSet, canonicalAccess, elementText } from './privileges.ts';

/** Who runs the statement. */
export interface Actor {
  user: AccessUser;
  /** The current roles of the query. */
  roles: readonly string[];
  database: string;
  scope: SessionScope;
}

export interface AccessResult {
  columns?: { name: string; type: 'String' | 'UInt8' }[];
  rows?: unknown[][];
}

export type AccessStatement = Extract<Statement, { kind: 'create_role' | 'create_user' | 'drop_access' | 'grant' | 'grant_role' | 'set_role' | 'set_default_role' | 'show_grants' | 'show_access' }>;


function backQuote(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

function readonlyStorage(action: 'update' | 'remove', type: string, name: string, storage: StorageName): EngineError {
  return new EngineError('ACCESS_STORAGE_READONLY', action === 'update'
    ? `Cannot update ${type} ${backQuote(name)} in ${storage} because this storage is readonly`
    : `Cannot remove ${type} ${backQuote(name)} from ${storage} because this storage is readonly`);
}

export function executeAccessStatement(ac: AccessControl, st: AccessStatement, actor: Actor): AccessResult {
  const me = actor.user;
  const check = (access: string): void => ac.check(me, actor.roles, access, {});
  const resolveName = (n: string): string => (n === '\u0001CURRENT_USER' ? me.name : n);
  switch (st.kind) {
    case 'create_role': {
      check('CREATE ROLE');
      for (const name of st.names) {
        const existing = ac.roles.get(name) ?? ac.users.get(name);
        if (ac.roles.has(name)) {
          if (st.ifNotExists) continue;
          if (!st.orReplace) throw alreadyExists('role', name, existing!.storage);
        }
        ac.roles.set(name, { kind: 'role', id: randomUUID(), name, storage: 'local_directory', grants: new GrantSet(), grantedRoles: new Map(), settings: st.settings });
      }
      return {};
    }
    case 'create_user': {
      check('CREATE USER');
      for (const r of st.defaultRoles?.names ?? []) ac.role(r);
      for (const name of st.names) {
        const existing = ac.users.get(name);
        if (existing) {
          if (st.ifNotExists) continue;
          if (!st.orReplace) throw alreadyExists('user', name, existing.storage);
          if (existing.storage === 'users_xml') throw readonlyStorage('update', 'user', name, existing.storage);
        }
        if (st.defaultDatabase) void st.defaultDatabase;
        ac.users.set(name, {
          kind: 'user', id: randomUUID(), name, storage: 'local_directory', auth: storedAuth(st.auth),
          ...(st.hosts ? { networks: { ip: st.hosts.filter((h) => h !== 'localhost'), host: st.hosts.filter((h) => h === 'localhost') } } : {}),
          profile: undefined, defaultDatabase: st.defaultDatabase ?? '', grants: new GrantSet(), grantedRoles: new Map(),
          defaultRoles: st.defaultRoles ?? { all: true, none: false, names: [], except: [] }, settings: st.settings,
        });
      }
      return {};
    }
    case 'drop_access': {
      const type = st.what === 'settings_profile' ? 'settings profile' : st.what === 'row_policy' ? 'row policy' : st.what;
      check(st.what === 'user' ? 'DROP USER' : st.what === 'role' ? 'DROP ROLE' : st.what === 'settings_profile' ? 'DROP SETTINGS PROFILE' : 'DROP QUOTA');
      for (const name of st.names) {
        const map = st.what === 'user' ? ac.users : st.what === 'role' ? ac.roles : st.what === 'settings_profile' ? ac.profiles : undefined;
        const entity = map?.get(name) as { storage: StorageName } | undefined;
        if (!entity) {
          if (st.ifExists) continue;
          if (type === 'user' || type === 'role' || type === 'settings profile') throw notFound(type, name);
          throw new EngineError('BAD_ARGUMENTS', `There is no ${type} ${backQuote(name)} in user directories`);
        }
        if (entity.storage === 'users_xml') throw readonlyStorage('remove', type, name, entity.storage);
        map!.delete(name);
        if (st.what === 'role') {
          for (const holder of [...ac.users.values(), ...ac.roles.values()]) holder.grantedRoles.delete(name);
        }
      }
      return {};
    }
    case 'grant': {
      const grantees = st.to.map((n) => grantee(ac, resolveName(n)));
      for (const el of st.elements) {
        for (const p of el.privileges) {
          const access = canonicalAccess(p.access);
          const level = levelOf(el.on, actor.database, p.columns);
          ac.check(me, actor.roles, access, level, true);
        }
      }
      for (const g of grantees) {
        if (g.storage === 'users_xml') throw readonlyStorage('update', g.kind, g.name, g.storage);
        for (const el of st.elements) {
          for (const p of el.privileges) {
            const access = canonicalAccess(p.access);
            const level = levelOf(el.on, actor.database, p.columns);
            if (st.revoke) g.grants.revoke(access, level, st.option);
            else g.grants.grant(access, level, st.option);
          }
        }
      }
      return {};
    }
    case 'grant_role': {
      for (const r of st.roles) ac.role(r);
      const grantees = st.to.map((n) => grantee(ac, resolveName(n)));
      for (const r of st.roles) ac.checkAdminOption(me, actor.roles, r);
      for (const g of grantees) {
        if (g.storage === 'users_xml') throw readonlyStorage('update', g.kind, g.name, g.storage);
        for (const r of st.roles) {
          if (st.revoke) {
            if (st.option) g.grantedRoles.set(r, false);
            else g.grantedRoles.delete(r);
          } else {
            g.grantedRoles.set(r, st.option || g.grantedRoles.get(r) === true);
          }
        }
      }
      return {};
    }
    case 'set_role':
      actor.scope.currentRoles = st.useDefault ? undefined : ac.rolesForSetRole(me, st.roles);
      return {};
    case 'set_default_role': {
      check('ALTER USER');
      for (const n of [...st.roles.names, ...st.roles.except]) ac.role(n);
      for (const name of st.to.map(resolveName)) {
        const u = ac.user(name);
        if (!st.roles.all) {
          for (const r of st.roles.names) {
            if (!u.grantedRoles.has(r)) throw new EngineError('SET_NON_GRANTED_ROLE', 'Role should be granted to set default');
          }
        }
        if (u.storage === 'users_xml') throw readonlyStorage('update', 'user', name, u.storage);
        u.defaultRoles = st.roles;
      }
      return {};
    }
    case 'show_grants': {
      const names = st.for ? st.for.map(resolveName) : [me.name];
      const lines: string[] = [];
      for (const n of names) lines.push(...grantQueries(grantee(ac, n)));
      return { columns: [{ name: `GRANTS FOR ${names.map(backQuoteIfNeed).join(', ')}`, type: 'String' }], rows: lines.map((l) => [l]) };
    }
    case 'show_access': {
      const current = [...actor.roles];
      const enabled = ac.enabledRoles(current);
      const defaults = ac.defaultRoles(me);
      const admin = (r: string): number => (me.grantedRoles.get(r) ? 1 : 0);
      switch (st.what) {
        case 'users': return nameRows([...ac.users.keys()]);
        case 'roles': return nameRows([...ac.roles.keys()]);
        case 'profiles': return nameRows([...ac.profiles.keys()]);
        case 'quotas': return nameRows([...ac.quotas.keys()]);
        case 'current_roles':
          return {
            columns: [{ name: 'role_name', type: 'String' }, { name: 'with_admin_option', type: 'UInt8' }, { name: 'is_default', type: 'UInt8' }],
            rows: current.map((r) => [r, admin(r), defaults.includes(r) ? 1 : 0]),
          };
        case 'enabled_roles':
          return {
            columns: [{ name: 'role_name', type: 'String' }, { name: 'with_admin_option', type: 'UInt8' }, { name: 'is_current', type: 'UInt8' }, { name: 'is_default', type: 'UInt8' }],
            rows: enabled.map((r) => [r, admin(r), current.includes(r) ? 1 : 0, defaults.includes(r) ? 1 : 0]),
          };
      }
    }
  }
}

function nameRows(names: string[]): AccessResult {
  return { columns: [{ name: 'name', type: 'String' }], rows: names.sort().map((n) => [n]) };
}

function alreadyExists(type: string, name: string, storage: StorageName): EngineError {
  return new EngineError('ACCESS_ENTITY_ALREADY_EXISTS', `${type} ${backQuote(name)}: cannot insert because ${type} ${backQuote(name)} already exists in ${storage}`);
}

/** A user, else a role (RolesOrUsersSet): UNKNOWN_ROLE when neither. */
function grantee(ac: AccessControl, name: string): AccessUser | AccessRole {
  return ac.users.get(name) ?? ac.role(name);
}

/** SHOW GRANTS lines of one user or role. */
export function grantQueries(e: AccessUser | AccessRole): string[] {
  const to = backQuoteIfNeed(e.name);
  const out: string[] = [];
  for (const g of e.grants.grants) out.push(`GRANT ${elementText(g.access, g)} TO ${to}${g.grantOption ? ' WITH GRANT OPTION' : ''}`);
  for (const r of e.grants.revokes) out.push(`REVOKE ${elementText(r.access, r)} FROM ${to}`);
  const plain = [...e.grantedRoles].filter(([, admin]) => !admin).map(([r]) => backQuoteIfNeed(r));
  const withAdmin = [...e.grantedRoles].filter(([, admin]) => admin).map(([r]) => backQuoteIfNeed(r));
  if (plain.length) out.push(`GRANT ${plain.join(', ')} TO ${to}`);
  if (withAdmin.length) out.push(`GRANT ${withAdmin.join(', ')} TO ${to} WITH ADMIN OPTION`);
  return out;
}

export type { RoleSet };
