// Who may do what, as the interpreters and the planner ask it. The policy is
// given to the Engine: role-based access control (AccessControl's users,
// roles and grants), or none at all where a front-end decides before the
// engine runs anything (StarRocks' FE).

import { EngineError } from '../errors.ts';
import type { QueryContext } from '../api.ts';
import type { Table } from '../catalog.ts';
import type { AccessControl } from './access-control.ts';
import type { Level } from './privileges.ts';

/** The access of one query's user with its current roles. */
export interface QueryAccess {
  /** ACCESS_DENIED (497) unless granted. */
  check(access: string, level: Level): void;
  isGranted(access: string, level: Level): boolean;
  /** SELECT of the `used` columns of a stored table (any one column when none is used). */
  checkSelect(table: Table, used: string[]): void;
  /** Whether SHOW and the system tables list the database or table. */
  canSee(db: string, table?: string): boolean;
}

export interface AccessPolicy {
  forQuery(ctx: QueryContext): QueryAccess;
}

/** What role-based access needs from the engine: its users and the roles a query runs with. */
export interface AccessHost {
  readonly access: AccessControl;
  currentRoles(ctx: QueryContext): string[];
}

export type AccessPolicyFactory = (host: AccessHost) => AccessPolicy;

export const roleBasedAccess: AccessPolicyFactory = (host) => ({
  forQuery(ctx) {
    const ac = host.access;
    const user = ac.user(ctx.user);
    const roles = host.currentRoles(ctx);
    return {
      check: (access, level) => ac.check(user, roles, access, level),
      isGranted: (access, level) => ac.isGranted(user, roles, access, level),
      checkSelect: (table, used) => {
        if (used.length > 0) {
          ac.check(user, roles, 'SELECT', { db: table.database, table: table.name, columns: used });
          return;
        }
        // SELECT count() FROM t: any one readable column will do (Planner's checkAccessRights).
        if (table.columns.some((c) => ac.isGranted(user, roles, 'SELECT', { db: table.database, table: table.name, columns: [c.name] }))) return;
        throw new EngineError('ACCESS_DENIED', `${ctx.user}: Not enough privileges. To execute this query, it's necessary to have the grant SELECT for at least one column on ${table.database}.${table.name}`);
      },
      canSee: (db, table) => ac.canSee(user, roles, db, table),
    };
  },
});

const ALLOWED: QueryAccess = {
  check: () => undefined,
  isGranted: () => true,
  checkSelect: () => undefined,
  canSee: () => true,
};

export const allowAllAccess: AccessPolicyFactory = () => ({ forQuery: () => ALLOWED });
