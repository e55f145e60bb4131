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

export type FeHandler = (x: Exchange) => Promise<void>;
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

export function feJson(x: Exchange, body: string, o: SendOptions = {}): void {
  feSend(x, body, { ...o, contentType: 'application/json' });
}

export function checkAuth(deps: FeDeps, x: Exchange, level: AuthLevel): StarRocksUser | undefined {
  if (level === 'none') return undefined;
  if (level === 'fe-host') {
    if (!deps.cluster.frontends.some((f) => sameHost(f.host, x.remoteIp))) throw new FeHostError();
    return undefined;
  }
  const user = authenticate(deps.cluster.users, x.header('authorization'), x.remoteIp);
  if (level === 'admin' && !deps.cluster.users.isAdmin(user)) throw new AccessDenied(null);
  if (level === 'operate' && !deps.cluster.users.hasOperate(user)) {
    throw new AccessDenied('Access denied; you need (at least one of) the OPERATE privilege(s) on SYSTEM for this operation.');
  }
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
  return async (x) => {
    try {
      const user = checkAuth(deps, x, level);
      await body(x, user);
    } catch (e) {
      if (x.replied) return;
      if (e instanceof AccessDenied) return sendAccessDenied(x, e);
      if (e instanceof FeHostError) return feSend(x, 'invalid client host.', { status: 400 });
      if (e instanceof DdlError) return feSend(x, restBaseResult(e.message));
      const msg = e instanceof Error ? e.message || e.toString() : String(e);
      feSend(x, restBaseResult(msg), { status: 500 });
    }
  };
}

/** The value of a required parameter, or a DdlError with `message`. */
export function required(x: Exchange, name: string, message: string): string {
  const v = x.param(name);
  if (v === undefined || v.trim() === '') throw new DdlError(message);
  return v;
}
