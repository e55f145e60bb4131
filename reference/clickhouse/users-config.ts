// users.xml (or its YAML form) → the engine's access configuration:
// users, settings profiles and quotas, as UsersConfigAccessStorage reads them.
// Elements ClickHouse knows but the engine does not use are ignored.

import type { AccessConfig, ProfileConfig, QuotaConfig, QuotaInterval, UserConfig } from '../engine/access/config.ts';
import { child, entries, text, texts } from '../config/config-tree.ts';
import type { ConfigObject, ConfigValue } from '../config/config-tree.ts';

function flag(v: ConfigValue | undefined): boolean {
  const t = text(v)?.trim().toLowerCase();
  return t === '1' || t === 'true';
}

function grantsOf(holder: ConfigValue): string[] | undefined {
  const grants = child(holder, 'grants');
  return grants === undefined ? undefined : texts(child(grants, 'query')).map((q) => q.trim());
}

function userFrom(u: ConfigValue): UserConfig {
  const out: UserConfig = {};
  const str = (key: string): string | undefined => text(child(u, key));
  const password = str('password');
  if (password !== undefined) out.password = password;
  const sha = str('password_sha256_hex');
  if (sha !== undefined) out.passwordSha256Hex = sha.trim();
  const dsha = str('password_double_sha1_hex');
  if (dsha !== undefined) out.passwordDoubleSha1Hex = dsha.trim();
  if (child(u, 'no_password') !== undefined) out.noPassword = true;
  const networks = child(u, 'networks');
  if (networks !== undefined) {
    out.networks = {
      ip: texts(child(networks, 'ip')).map((s) => s.trim()),
      host: texts(child(networks, 'host')).map((s) => s.trim()),
      hostRegexp: texts(child(networks, 'host_regexp')).map((s) => s.trim()),
    };
  }
  const profile = str('profile');
  if (profile !== undefined) out.profile = profile.trim();
  const quota = str('quota');
  if (quota !== undefined) out.quota = quota.trim();
  const db = str('default_database');
  if (db !== undefined && db.trim() !== '') out.defaultDatabase = db.trim();
  if (flag(child(u, 'access_management'))) out.accessManagement = true;
  const grants = grantsOf(u);
  if (grants !== undefined) out.grants = grants;
  const allow = child(u, 'allow_databases');
  if (allow !== undefined) out.allowDatabases = texts(child(allow, 'database')).map((d) => d.trim());
  return out;
}

function profileFrom(p: ConfigValue): ProfileConfig {
  const settings: Record<string, string> = {};
  const parents: string[] = [];
  for (const [key, value] of entries(p)) {
    if (key === 'profile') parents.push(...texts(value).map((s) => s.trim()));
    else if (key === 'constraints') continue;
    else {
      const t = text(value);
      if (t !== undefined) settings[key] = t.trim();
    }
  }
  return { settings, ...(parents.length > 0 ? { profiles: parents } : {}) };
}

const INTERVAL_LIMITS: [keyof QuotaInterval, string][] = [
  ['queries', 'queries'], ['errors', 'errors'], ['resultRows', 'result_rows'], ['readRows', 'read_rows'], ['executionTime', 'execution_time'],
];

function quotaFrom(q: ConfigValue): QuotaConfig {
  const out: QuotaConfig = { intervals: [] };
  if (child(q, 'keyed') !== undefined) out.keyed = true;
  if (child(q, 'keyed_by_ip') !== undefined) out.keyedByIp = true;
  const element = child(q, 'interval');
  for (const value of Array.isArray(element) ? element : element === undefined ? [] : [element]) {
    const interval: QuotaInterval = { duration: Number(text(child(value, 'duration')) ?? 0) };
    for (const [field, element] of INTERVAL_LIMITS) {
      const limit = text(child(value, element));
      if (limit !== undefined) (interval as unknown as Record<string, number>)[field] = Number(limit);
    }
    out.intervals!.push(interval);
  }
  return out;
}

/** The access sections of a users file; undefined when it defines no users. */
export function accessConfigFrom(root: ConfigObject): AccessConfig | undefined {
  const users = child(root, 'users');
  if (users === undefined || typeof users === 'string') return undefined;
  const out: AccessConfig = { users: {}, profiles: {}, quotas: {} };
  for (const [name, u] of entries(users)) out.users[name] = userFrom(u);
  for (const [name, p] of entries(child(root, 'profiles'))) out.profiles![name] = profileFrom(p);
  for (const [name, q] of entries(child(root, 'quotas'))) out.quotas![name] = quotaFrom(q);
  const roles = entries(child(root, 'roles'));
  if (roles.length > 0) out.roles = Object.fromEntries(roles.map(([name, r]) => [name, { grants: grantsOf(r) ?? [] }]));
  // Every user without a profile gets `default`, which therefore always exists.
  out.profiles!.default ??= {};
  return out;
}
