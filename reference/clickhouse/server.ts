// buildClickHouseServer: a fastify instance that answers like ClickHouse
// 24.8's HTTP port. Fastify supplies the server and inject(); routing and
// bodies are ClickHouse's own, so every request is taken over (hijacked) as
// soon as it arrives and dispatched on its raw method and request-target.

import http from 'node:http';
import os from 'node:os';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { Engine } from '../engine/index.ts';
import type { ServerConfig } from './config.ts';
import type { QueryEngine } from './engine-port.ts';
import { handleQuery } from './handlers/query.ts';
import type { QueryHandlerDeps } from './handlers/query.ts';
import { handleNotFound, handlePing, handleReplicasStatus, handleRoot, sendBareError, sendBareErrorToSocket } from './handlers/static.ts';
import { KEEP_ALIVE_TIMEOUT_S, MAX_KEEP_ALIVE_REQUESTS } from './http/connection.ts';
import { routeRequest } from './routes.ts';
import { SessionStore } from './sessions.ts';
import { UserStore } from './users.ts';

export const DEFAULT_MAX_URI_SIZE = 1024 * 1024;
// Node refuses a request whose request line and headers exceed maxHeaderSize;
// leave room for headers above the URI limit, which is enforced per request.
const HEADER_ROOM = 256 * 1024;

export interface ClickHouseServerOptions {
  engine?: QueryEngine;
  displayName?: string;
  timezone?: string;
  config?: ServerConfig;
  users?: UserStore;
}

export function buildClickHouseServer(opts: ClickHouseServerOptions = {}): FastifyInstance {
  const config = opts.config ?? {};
  const timezone = opts.timezone ?? config.timezone ?? 'UTC';
  const maxUriSize = config.httpMaxUriSize ?? DEFAULT_MAX_URI_SIZE;
  const deps: QueryHandlerDeps = {
    engine: opts.engine ?? new Engine({ timezone, version: '24.8.1.1' }),
    users: opts.users ?? new UserStore(),
    sessions: new SessionStore(),
    displayName: opts.displayName ?? config.displayName ?? os.hostname(),
    serverTimezone: timezone,
    ...(config.httpOptionsResponse ? { optionsHeaders: config.httpOptionsResponse } : {}),
  };
  const defaultResponse = config.httpServerDefaultResponse ?? 'Ok.\n';

  const dispatch = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const uri = req.url ?? '';
    // Poco reads the request line with this limit and drops the connection with a bare 400.
    if (uri.length > maxUriSize) return sendBareError(res, 400);
    switch (routeRequest(req.method ?? '', uri)) {
      case 'root': return handleRoot(req, res, defaultResponse);
      case 'ping': return handlePing(req, res);
      case 'replicas_status': return handleReplicasStatus(req, res);
      case 'query': return handleQuery(req, res, deps);
      case 'not_found': return handleNotFound(req, res);
      case 'not_implemented': return sendBareError(res, 501);
    }
  };
  const run = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    dispatch(req, res).catch((err: unknown) => {
      // Only a broken socket gets here; the handlers answer every query error themselves.
      if (!res.headersSent) res.destroy(err as Error);
    });
  };

  const app = Fastify({
    logger: false,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_S * 1000,
    maxRequestsPerSocket: MAX_KEEP_ALIVE_REQUESTS,
    requestTimeout: 0,
    serverFactory: (handler) => {
      const server = http.createServer({ maxHeaderSize: maxUriSize + HEADER_ROOM }, handler);
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_S * 1000;
      server.maxRequestsPerSocket = MAX_KEEP_ALIVE_REQUESTS;
      // Long INSERT bodies and long-running streams are the point of this server.
      server.requestTimeout = 0;
      return server;
    },
    clientErrorHandler: (_err, socket) => sendBareErrorToSocket(socket as import('node:net').Socket, 400),
    // URLs fastify's router cannot decode are still ClickHouse's to answer.
    frameworkErrors: (_err, request, reply) => {
      reply.hijack();
      run(request.raw, reply.raw);
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.hijack();
    run(request.raw, reply.raw);
    done();
  });
  // Never reached (onRequest takes every request over); it keeps fastify's router from answering 404 itself.
  app.all('*', async () => undefined);
  return app;
}
