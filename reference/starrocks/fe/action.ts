// How an FE action runs (BaseAction / RestBaseAction): the auth level of the
// §3 matrix, then the action; AccessDenied → 401, DdlError → 200 with the v1
// FAILED envelope, anything else → 500 with the v1 FAILED envelope.

import type { Cluster } from '../cluster/cluster.ts';
import type { Frontend } from '../cluster/nodes.ts';
import { AccessDenied, authenticate } from '../auth.ts';
import { restBaseResult } from '../envelopes.ts';
import type { Exchange } from '../http/exchange.ts';
import type { StarRocksUser } from '../users.ts';

export interface FeDeps {
  cluster: Cluster;
  fe: Frontend;
}

/** DdlException (and StarRocksException where RestBaseAction maps it alike): HTTP 200, FAILED envelope. */
export class DdlError extends Error {}

export type AuthLevel = 'none' | 'basic' | 'admin' | 'operate' | 'fe-host';

/** `authLevel`: what a restAction checks before its body, so that a walk of the routes knows the refusal to expect. */
export type FeHandler = ((x: Exchange) => Promise<void>) & { authLevel?: AuthLevel };
export type ActionBody = (x: Exchange, user: StarRocksUser | undefined) => Promise<void> | void;

export interface SendOptions {
  status?: number;
  contentType?: string;
  headers?: Record<string, string | number | string[]>;
  close?: boolean;
}

/** BaseAction.writeResponse: default text/html, Content-Length, Connection keep-alive/close. */
export function feSend(x: Exchange, body: string | Buffer, o: SendOptions = {}): void {
  const keep = x.clientKeepsAlive() && !o.close;
  x.send(o.status ?? 200, body, {
    contentType: o.contentType ?? 'text/html',
    headers: { ...(o.headers ?? {}), Connection: keep ? 'keep-alive' : 'close' },
    close: !keep,
  });
}

/** An action that sets `application/json` itself before sendResult(request, response). */
export function feJson(x: Exchange, body: string, o: SendOptions = {}): void {
  feSend(x, body, { ...o, contentType: 'application/json' });
}

/**
 * RestBaseAction.JSON_CONTENT_TYPE: the newest RestBaseAction (the needAuth() one that
 * GetSmallFileAction @09f7e97412 and GetStreamLoadState @0160d4fbed build on) sets it in
 * sendResult(…, RestBaseResult) and sendResultByJson; the 401 and 500 paths keep text/html.
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** sendResult with a RestBaseResult (any envelope) or sendResultByJson. */
export function feResult(x: Exchange, body: string, o: SendOptions = {}): void {
  feSend(x, body, { ...o, contentType: JSON_CONTENT_TYPE });
}

/** ErrorCode.ERR_ACCESS_DENIED_HINT_MSG_FORMAT. */
function accessHint(active: string[], inactive: string[], none: boolean): string {
  const list = (r: string[]): string => (none && r.length === 0 ? 'NONE' : `[${r.join(', ')}]`);
  return `Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): ${list(active)}. Inactivated role(s): ${list(inactive)}.`;
}

/** Every user holds the public role; the reference keeps only the granted ones in `roles`. */
function activeRoles(u: StarRocksUser): string[] {
  return [...new Set([...u.roles, 'public'])];
}

/**
 * Authorizer privilege failures throw ErrorReportException (a RuntimeException, Authorizer
 * @0011a80be5, AccessDeniedException.reportAccessDenied @0178d9be75), which RestBaseAction
 * answers with 500, not 401.
 */
export class ErrorReport extends Error {}

export function operateDenied(u: StarRocksUser): ErrorReport {
  return new ErrorReport(`Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM for this operation. ${accessHint(activeRoles(u), [], true)}`);
}

export function checkAuth(deps: FeDeps, x: Exchange, level: AuthLevel): StarRocksUser | undefined {
  if (level === 'none') return undefined;
  if (level === 'fe-host') {
    if (!deps.cluster.frontends.some((f) => sameHost(f.host, x.remoteIp))) throw new FeHostError();
    return undefined;
  }
  const user = authenticate(deps.cluster.users, x.header('authorization'), x.remoteIp);
  // checkUserOwnsAdminRole throws an AccessDeniedException without a message, which the
  // newest RestBaseAction.getErrorRespWhenUnauthorized fills in.
  if (level === 'admin' && !deps.cluster.users.isAdmin(user)) {
    throw new AccessDenied(`Access denied for user '${user.name}'@'%'. ${accessHint(activeRoles(user), [], false)}`);
  }
  if (level === 'operate' && !deps.cluster.users.hasOperate(user)) throw operateDenied(user);
  return user;
}

/**
 * MetaBaseAction compares the client's address with each FE's: only the
 * address itself counts (127.0.0.2 is not the FE on 127.0.0.1); `localhost`
 * names both loopback addresses.
 */
function sameHost(feHost: string, ip: string): boolean {
  if (feHost === ip) return true;
  return feHost === 'localhost' && (ip === '127.0.0.1' || ip === '::1');
}

/** MetaBaseAction: a client that is not a registered FE gets 400 `invalid client host.`. */
export class FeHostError extends Error {}

export function sendAccessDenied(x: Exchange, err: AccessDenied): void {
  feSend(x, restBaseResult(err.detail), { status: 401, headers: { 'WWW-Authenticate': 'Basic realm=""' } });
}

/** RestBaseAction.handleRequest. */
export function restAction(deps: FeDeps, level: AuthLevel, body: ActionBody): FeHandler {
  const handler: FeHandler = async (x) => {
    try {
      const user = checkAuth(deps, x, level);
      await body(x, user);
    } catch (e) {
      if (x.replied) return;
      if (e instanceof AccessDenied) return sendAccessDenied(x, e);
      if (e instanceof FeHostError) return feSend(x, 'invalid client host.', { status: 400 });
      if (e instanceof DdlError) return feResult(x, restBaseResult(e.message));
      const msg = e instanceof Error ? e.message || e.toString() : String(e);
      feSend(x, restBaseResult(msg), { status: 500 });
    }
  };
  handler.authLevel = level;
  return handler;
}

/** The value of a required parameter, or a DdlError with `message`. */
export function required(x: Exchange, name: string, message: string): string {
  const v = x.param(name);
  if (v === undefined || v.trim() === '') throw new DdlError(message);
  return v;
}
