// Per-connection facts the responses state: protocol version, whether the
// connection stays open, and Poco's `Keep-Alive: timeout=T, max=N` where N
// counts down the requests the connection may still serve. T and the
// starting N are the server's <keep_alive_timeout> and
// <max_keep_alive_requests>; the server tags each connection with them
// (setConnectionLimits) before any handler describes it.

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const KEEP_ALIVE_TIMEOUT_S = 10;
export const MAX_KEEP_ALIVE_REQUESTS = 10000;

export interface KeepAliveLimits {
  /** keep_alive_timeout, seconds. */
  timeoutS: number;
  /** max_keep_alive_requests: requests one connection may carry. */
  maxRequests: number;
}

export const DEFAULT_KEEP_ALIVE: KeepAliveLimits = { timeoutS: KEEP_ALIVE_TIMEOUT_S, maxRequests: MAX_KEEP_ALIVE_REQUESTS };

const served = new WeakMap<Socket, number>();
const limitsOf = new WeakMap<Socket, KeepAliveLimits>();

export interface Connection {
  http10: boolean;
  version: string;
  keepAlive: boolean;
  keepAliveHeader: string;
  /** keep_alive_timeout of the server the connection came to. */
  keepAliveTimeoutS: number;
}

/** The server's keep-alive configuration for the connection `req` came on. */
export function setConnectionLimits(req: IncomingMessage, limits: KeepAliveLimits): void {
  limitsOf.set(req.socket, limits);
}

/** Call once per request: it counts the request against the connection. */
export function describeConnection(req: IncomingMessage): Connection {
  const limits = limitsOf.get(req.socket) ?? DEFAULT_KEEP_ALIVE;
  const n = (served.get(req.socket) ?? 0) + 1;
  served.set(req.socket, n);
  const http10 = req.httpVersion === '1.0';
  const connection = String(req.headers.connection ?? '').toLowerCase();
  // Poco's HTTPServerSession takes one off before each request; at 0 it cannot keep alive.
  const remaining = Math.max(0, limits.maxRequests - n);
  // HTTP/1.0 answers are written to the socket and end with it.
  const keepAlive = !http10 && connection !== 'close' && remaining > 0;
  return {
    http10,
    version: http10 ? '1.0' : '1.1',
    keepAlive,
    keepAliveHeader: `timeout=${limits.timeoutS}, max=${remaining}`,
    keepAliveTimeoutS: limits.timeoutS,
  };
}
