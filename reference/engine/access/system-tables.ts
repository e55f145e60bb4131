// system.users, roles, role_grants, grants, current_roles, enabled_roles,
// settings_profiles, quotas: small column sets of the 24.8 tables, computed
// from AccessControl when read.

import { T, arrayOf, nullable } from '../types.ts';
import type { DataType } from '../types.ts';
import type { SystemTable } from '../system-tables.ts';
import type { AccessRole, AccessUser } from './access-control.ts';

const col = (name: string, type: DataType): { name: string; type: DataType } => ({ name, type });

const AUTH_TYPE: Record<string, string> = {
  no_password: 'no_password', plaintext_password: 'plaintext_password', sha256_password: 'sha256_password',
  sha256_hash: 'sha256_password', double_sha1_password: 'double_sha1_password', double_sha1_hash: 'double_sha1_password',
};

export const ACCESS_SYSTEM_TABLES: Record<string, SystemTable> = {
  users: {
    columns: [
      col('name', T.String), col('id', T.String), col('storage', T.String), col('auth_type', T.String), col('auth_params', T.String),
      col('host_ip', arrayOf(T.String)), col('host_names', arrayOf(T.String)), col('host_names_regexp', arrayOf(T.String)),
      col('host_names_like', arrayOf(T.String)), col('default_roles_all', T.UInt8), col('default_roles_list', arrayOf(T.String)),
      col('default_roles_except', arrayOf(T.String)), col('grantees_any', T.UInt8), col('grantees_list', arrayOf(T.String)),
      col('grantees_except', arrayOf(T.String)), col('default_database', T.String),
    ],
    rows: ({ access }) => [...(access?.users.values() ?? [])].map((u: AccessUser) => [
      u.name, u.id, u.storage, AUTH_TYPE[u.auth.type] ?? u.auth.type, '{}',
      u.networks?.ip ?? (u.networks ? [] : ['::/0']), u.networks?.host ?? [], u.networks?.hostRegexp ?? [], [],
      u.defaultRoles.all ? 1 : 0, u.defaultRoles.names, u.defaultRoles.except, 1, [], [], u.defaultDatabase,
    ]),
  },
  roles: {
    columns: [col('name', T.String), col('id', T.String), col('storage', T.String)],
    rows: ({ access }) => [...(access?.roles.values() ?? [])].map((r) => [r.name, r.id, r.storage]),
  },
  role_grants: {
    columns: [
      col('user_name', nullable(T.String)), col('role_name', nullable(T.String)), col('granted_role_name', T.String),
      col('granted_role_id', T.String), col('granted_role_is_default', T.UInt8), col('with_admin_option', T.UInt8),
    ],
    rows: ({ access }) => {
      if (!access) return [];
      const out: unknown[][] = [];
      const add = (e: AccessUser | AccessRole): void => {
        const defaults = e.kind === 'user' ? access.defaultRoles(e) : [];
        for (const [r, admin] of e.grantedRoles) {
          out.push([e.kind === 'user' ? e.name : null, e.kind === 'role' ? e.name : null, r, access.roles.get(r)?.id ?? '', defaults.includes(r) ? 1 : 0, admin ? 1 : 0]);
        }
      };
      for (const u of access.users.values()) add(u);
      for (const r of access.roles.values()) add(r);
      return out;
    },
  },
  grants: {
    columns: [
      col('user_name', nullable(T.String)), col('role_name', nullable(T.String)), col('access_type', T.String),
      col('database', nullable(T.String)), col('table', nullable(T.String)), col('column', nullable(T.String)),
      col('is_partial_revoke', T.UInt8), col('grant_option', T.UInt8),
    ],
    rows: ({ access }) => {
      if (!access) return [];
      const out: unknown[][] = [];
      const add = (e: AccessUser | AccessRole): void => {
        const who = [e.kind === 'user' ? e.name : null, e.kind === 'role' ? e.name : null];
        const emit = (list: typeof e.grants.grants, partial: number): void => {
          for (const g of list) {
            for (const a of g.access) {
              for (const c of g.columns ?? [null]) out.push([...who, a, g.db ?? null, g.table ?? null, c, partial, g.grantOption ? 1 : 0]);
            }
          }
        };
        emit(e.grants.grants, 0);
        emit(e.grants.revokes, 1);
      };
      for (const u of access.users.values()) add(u);
      for (const r of access.roles.values()) add(r);
      return out;
    },
  },
  current_roles: {
    columns: [col('role_name', T.String), col('with_admin_option', T.UInt8), col('is_default', T.UInt8)],
    rows: ({ access, user, currentRoles }) => {
      const u = user !== undefined ? access?.users.get(user) : undefined;
      if (!access || !u) return [];
      const defaults = access.defaultRoles(u);
      return (currentRoles ?? []).map((r) => [r, u.grantedRoles.get(r) ? 1 : 0, defaults.includes(r) ? 1 : 0]);
    },
  },
  enabled_roles: {
    columns: [col('role_name', T.String), col('with_admin_option', T.UInt8), col('is_current', T.UInt8), col('is_default', T.UInt8)],
    rows: ({ access, user, currentRoles }) => {
      const u = user !== undefined ? access?.users.get(user) : undefined;
      if (!access || !u) return [];
      const defaults = access.defaultRoles(u);
      const current = currentRoles ?? [];
      return access.enabledRoles(current).map((r) => [r, u.grantedRoles.get(r) ? 1 : 0, current.includes(r) ? 1 : 0, defaults.includes(r) ? 1 : 0]);
    },
  },
  settings_profiles: {
    columns: [col('name', T.String), col('id', T.String), col('storage', T.String), col('num_elements', T.UInt64)],
    rows: ({ access }) => [...(access?.profiles.values() ?? [])].map((p) => [
      p.name, p.id, p.storage, BigInt(Object.keys(p.config.settings ?? {}).length + (p.config.profiles?.length ?? 0)),
    ]),
  },
};
