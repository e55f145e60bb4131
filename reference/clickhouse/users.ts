// Who may connect. For now one user, `default` with an empty password, as a
// fresh ClickHouse install has; profiles and users from the config come later.

export interface User {
  name: string;
  password: string;
  /** Database used when the request names none. */
  defaultDatabase?: string;
}

export class UserStore {
  private users = new Map<string, User>();

  constructor(users: User[] = [{ name: 'default', password: '' }]) {
    for (const u of users) this.users.set(u.name, u);
  }

  /** The user when the name exists and the password matches; otherwise undefined. */
  check(name: string, password: string): User | undefined {
    const u = this.users.get(name);
    return u !== undefined && u.password === password ? u : undefined;
  }
}
