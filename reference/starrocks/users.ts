// StarRocks users as the reference knows them: from the config (default `root`
// with an empty password) and CREATE USER / GRANT over the MySQL protocol. Admin = `root`, role `root`, or both `db_admin` and
// `user_admin` (BaseAction.checkUserOwnsAdminRole); OPERATE = admin or
// `cluster_admin`. Table privileges come from `grants` (admins have all).

export type TablePrivilege = 'SELECT' | 'INSERT';

export interface UserGrant {
  privilege: TablePrivilege;
  /** `*` for every database / table. */
  db: string;
  table: string;
}

export interface StarRocksUserConfig {
  name: string;
  password?: string;
  roles?: string[];
  grants?: UserGrant[];
}

export interface StarRocksUser {
  name: string;
  password: string;
  roles: string[];
  grants: UserGrant[];
}

export class StarRocksUsers {
  readonly users = new Map<string, StarRocksUser>();

  constructor(config: StarRocksUserConfig[] = [{ name: 'root', password: '' }]) {
    for (const u of config) this.add(u);
    if (!this.users.has('root')) this.add({ name: 'root', password: '' });
  }

  add(u: StarRocksUserConfig): void {
    this.users.set(u.name, { name: u.name, password: u.password ?? '', roles: u.roles ?? (u.name === 'root' ? ['root'] : []), grants: u.grants ?? [] });
  }

  /** CREATE USER; false when the user exists. */
  create(name: string, password: string, roles: string[] = []): boolean {
    if (this.users.has(name)) return false;
    this.users.set(name, { name, password, roles: [...roles], grants: [] });
    return true;
  }

  /** DROP USER; false when there is no such user. root cannot be dropped (the caller refuses it). */
  drop(name: string): boolean {
    return this.users.delete(name);
  }

  grantRoles(name: string, roles: string[], revoke = false): void {
    const u = this.users.get(name);
    if (!u) return;
    u.roles = revoke ? u.roles.filter((r) => !roles.includes(r)) : [...new Set([...u.roles, ...roles])];
  }

  grantPrivileges(name: string, privileges: TablePrivilege[], db: string, table: string, revoke = false): void {
    const u = this.users.get(name);
    if (!u) return;
    if (revoke) u.grants = u.grants.filter((g) => !(privileges.includes(g.privilege) && g.db === db && g.table === table));
    else for (const privilege of privileges) u.grants.push({ privilege, db, table });
  }

  /** The user when the password matches (checkPlainPassword), else undefined. */
  authenticate(name: string, password: string): StarRocksUser | undefined {
    const u = this.users.get(name);
    return u && u.password === password ? u : undefined;
  }

  isAdmin(u: StarRocksUser): boolean {
    return u.name === 'root' || u.roles.includes('root') || (u.roles.includes('db_admin') && u.roles.includes('user_admin'));
  }

  hasOperate(u: StarRocksUser): boolean {
    return this.isAdmin(u) || u.roles.includes('cluster_admin');
  }

  can(u: StarRocksUser, privilege: TablePrivilege, db: string, table: string): boolean {
    if (this.isAdmin(u) || u.roles.includes('db_admin')) return true;
    return u.grants.some((g) => g.privilege === privilege && (g.db === '*' || g.db === db) && (g.table === '*' || g.table === table));
  }
}
