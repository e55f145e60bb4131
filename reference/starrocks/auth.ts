// HTTP Basic as StarRocks reads it (BaseAction.parseAuthInfo): split on the
// first `:`, and `user@host` keeps only the user part.

import type { StarRocksUser, StarRocksUsers } from './users.ts';

export interface BasicCredentials {
  user: string;
  password: string;
}

export function parseBasic(header: string | undefined): BasicCredentials | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  let user = decoded.slice(0, colon);
  const at = user.split('@');
  if (at.length === 2) user = at[0]!;
  return { user, password: decoded.slice(colon + 1) };
}

/** AccessDeniedException: HTTP 401; a null message leaves msg/message out of the envelope. */
export class AccessDenied extends Error {
  readonly detail: string | null;
  constructor(detail: string | null = null) {
    super(detail ?? 'access denied');
    this.name = 'AccessDenied';
    this.detail = detail;
  }
}

/** getAuthorizationInfo + checkPassword. */
export function authenticate(users: StarRocksUsers, header: string | undefined, remoteIp: string): StarRocksUser {
  const creds = parseBasic(header);
  if (!creds) throw new AccessDenied('Need auth information.');
  const u = users.authenticate(creds.user, creds.password);
  if (!u) throw new AccessDenied(`Access denied for ${creds.user}@${remoteIp}`);
  return u;
}
