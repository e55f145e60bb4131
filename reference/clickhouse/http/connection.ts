// Per-connection facts the responses state: protocol version, whether the
// connection stays open, and Poco's `Keep-Alive: timeout=T, max=N` where N
// counts down the requests the connection may still serve.

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const KEEP_ALIVE_TIMEOUT_S = 10;
export const MAX_KEEP_ALIVE_REQUESTS = 10000;

const served = new WeakMap<Socket, number>();

export interface Connection {
  http10: boolean;
  version: string;
  keepAlive: boolean;
  keepAliveHeader: string;
}

/** Call once per request: it counts the request against the connection. */
export function describeConnection(req: IncomingMessage): Connection {
  const n = (served.get(req.socket) ?? 0) + 1;
  served.set(req.socket, n);
  const http10 = req.httpVersion === '1.0';
  const connection = String(req.headers.connection ?? '').toLowerCase();
  const remaining = Math.max(0, MAX_KEEP_ALIVE_REQUESTS - n);
  // HTTP/1.0 answers are written to the socket and end with it.
  const keepAlive = !http10 && connection !== 'close' && remaining > 0;
  return {
    http10,
    version: http10 ? '1.0' : '1.1',
    keepAlive,
    keepAliveHeader: `timeout=${KEEP_ALIVE_TIMEOUT_S}, max=${remaining}`,
  };
}
