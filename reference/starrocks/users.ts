// StarRocks users as the reference knows them: from the config (default `root`
// with an empty password). Admin = `root`, role `root`, or both `db_admin` and
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
