// buildClickHouseServer: a fastify instance that answers like ClickHouse
// 26.7's HTTP port (24.8's with compat.ts' 24.8 line) (or its HTTPS port, given a certificate and key). Fastify
// supplies the server and inject(); routing and bodies are ClickHouse's own,
// so every request is taken over (hijacked) as soon as it arrives and
// dispatched on its raw method, request-target and headers: through the
// <http_handlers> rules when the config has them, else the default handlers. The HTTP and HTTPS ports
// share one engine and one session store (createClickHouseState).

import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { createClickHouseEngine } from '../engine/dialects/clickhouse/index.ts';
import { takenOverServer } from '../http/taken-over-server.ts';
import { requestBodyError } from './http/body-errors.ts';
import { compatFor, type ClickHouseCompat } from './compat.ts';
import { DEFAULT_USER_FILES_PATH } from './config.ts';
import type { ServerConfig } from './config.ts';
import type { QueryEngine } from './engine-port.ts';
import { ClickHouseFaults } from './faults/index.ts';
import type { FaultOptions } from '../http/faults/spec.ts';
import { handleQuery } from './handlers/query.ts';
import type { QueryHandlerDeps, QueryHandlerOptions } from './handlers/query.ts';
import { handlePlay } from './handlers/play.ts';
import { handleRedirectRule, handleStaticRule } from './handlers/static-rule.ts';
import { handleNotFound, handlePing, handleReplicasStatus, handleRoot, sendBareError, sendBareErrorToSocket } from './handlers/static.ts';
import { KEEP_ALIVE_TIMEOUT_S, MAX_KEEP_ALIVE_REQUESTS, setConnectionLimits } from './http/connection.ts';
import type { KeepAliveLimits } from './http/connection.ts';
import { queryHandlerOptions } from './http-handlers/query-options.ts';
import type { HandlerRule } from './http-handlers/rules.ts';
import { selectHandler } from './http-handlers/select.ts';
import { SessionStore } from './sessions.ts';

export const DEFAULT_MAX_URI_SIZE = 1024 * 1024;
// Node refuses a request whose request line and headers exceed maxHeaderSize;
// leave room for headers above the URI limit, which is enforced per request.
const HEADER_ROOM = 256 * 1024;

export interface ClickHouseServerOptions {
  engine?: QueryEngine;
  displayName?: string;
  timezone?: string;
  config?: ServerConfig;
  /** Engine and sessions shared with another port of the same server. */
  state?: QueryHandlerDeps;
  /** The ClickHouse version the server behaves as (default: 26.7's). */
  compat?: ClickHouseCompat;
  /** Keep databases and tables in this directory across restarts (engine/storage/; MergeTree and Log rows). */
  dataDir?: string;
  /** Serve HTTPS with these PEM contents. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** --faults: answers slow, dropped or failing on purpose (faults/). */
  faults?: FaultOptions;
}

/** What the ports of one server share: the engine (data, users, running queries) and the sessions. */
export function createClickHouseState(opts: ClickHouseServerOptions = {}): QueryHandlerDeps {
  const config = opts.config ?? {};
  const timezone = opts.timezone ?? config.timezone ?? 'UTC';
  const compat = opts.compat ?? compatFor();
  let engine = opts.engine;
  if (!engine) {
    const own = createClickHouseEngine({ timezone, version: compat.version, settingDefaults: compat.settingDefaults,
      placeholdersWithoutParameters: compat.placeholdersWithoutParameters,
      ...(config.access ? { access: config.access } : {}) });
    if (opts.dataDir !== undefined) own.openDataDir(opts.dataDir);
    engine = own;
  }
  return {
    compat,
    engine,
    sessions: new SessionStore(),
    timeouts: {
      ...(config.defaultSessionTimeout !== undefined ? { defaultTimeoutS: config.defaultSessionTimeout } : {}),
      ...(config.maxSessionTimeout !== undefined ? { maxTimeoutS: config.maxSessionTimeout } : {}),
    },
    displayName: opts.displayName ?? config.displayName ?? os.hostname(),
    serverTimezone: timezone,
    ...(config.formatSchemaPath ? { formatSchemaPath: config.formatSchemaPath } : {}),
    ...(config.httpOptionsResponse ? { optionsHeaders: config.httpOptionsResponse } : {}),
    ...(config.enableHttpStacktrace === false ? { stacktraceDisabled: true } : {}),
    ...(opts.faults ? { faults: new ClickHouseFaults(opts.faults) } : {}),
  };
}

export function buildClickHouseServer(opts: ClickHouseServerOptions = {}): FastifyInstance {
  const config = opts.config ?? {};
  const maxUriSize = config.httpMaxUriSize ?? DEFAULT_MAX_URI_SIZE;
  const deps = opts.state ?? createClickHouseState(opts);
  const ownsState = opts.state === undefined;
  const defaultResponse = config.httpServerDefaultResponse ?? 'Ok.\n';
  const userFilesPath = config.userFilesPath ?? DEFAULT_USER_FILES_PATH;
  const chain = config.httpHandlers;
  const keepAlive: KeepAliveLimits = {
    timeoutS: config.keepAliveTimeout ?? KEEP_ALIVE_TIMEOUT_S,
    maxRequests: config.maxKeepAliveRequests ?? MAX_KEEP_ALIVE_REQUESTS,
  };
  // Query rules are prepared up front: a predefined query that does not parse stops the start, as in ClickHouse.
  const queryRules = new Map<HandlerRule, QueryHandlerOptions>();
  for (const entry of chain ?? []) {
    const t = entry.kind === 'rule' ? entry.rule.handler.type : undefined;
    if (entry.kind === 'rule' && (t === 'dynamic_query_handler' || t === 'predefined_query_handler')) {
      queryRules.set(entry.rule, queryHandlerOptions(entry.rule, deps.engine));
    }
  }

  const serveRule = (req: http.IncomingMessage, res: http.ServerResponse, rule: HandlerRule): Promise<void> => {
    const headers = rule.responseHeaders;
    switch (rule.handler.type) {
      case 'static': return handleStaticRule(req, res, rule, userFilesPath, deps.compat);
      case 'redirect': return handleRedirectRule(req, res, rule);
      case 'dynamic_query_handler':
      case 'predefined_query_handler': return handleQuery(req, res, deps, queryRules.get(rule)!);
      case 'ping': return handlePing(req, res, headers, deps.compat);
      case 'replicas_status': return handleReplicasStatus(req, res, deps.compat.version, headers);
      case 'index': return handleRoot(req, res, defaultResponse, headers, deps.compat);
    }
  };

  const dispatch = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const uri = req.url ?? '';
    // The request line is read with this limit; the 400 closes the connection (and names the reason: badRequestMessage).
    if (uri.length > maxUriSize) {
      return sendBareError(res, 400, deps.compat.badRequestMessage ? 'HTTP request URI invalid or too long' : undefined);
    }
    const selected = selectHandler(chain, { method: req.method ?? '', uri, headers: req.headers });
    switch (selected.kind) {
      case 'rule': return serveRule(req, res, selected.rule);
      case 'not_found': return handleNotFound(req, res, selected.hints);
      case 'not_implemented': return sendBareError(res, 501);
      case 'default':
        switch (selected.route) {
          case 'root': return handleRoot(req, res, defaultResponse, [], deps.compat);
          case 'ping': return handlePing(req, res, [], deps.compat);
          case 'replicas_status': return handleReplicasStatus(req, res, deps.compat.version);
          case 'play': return handlePlay(req, res, deps.compat.playPage);
          case 'query': return handleQuery(req, res, deps);
        }
    }
  };
  const run = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    setConnectionLimits(req, keepAlive);
    dispatch(req, res).catch((err: unknown) => {
      // Only a broken socket gets here; the handlers answer every query error themselves.
      if (!res.headersSent) res.destroy(err as Error);
    });
  };

  const app = takenOverServer(run, {
    keepAliveTimeout: keepAlive.timeoutS * 1000,
    maxRequestsPerSocket: keepAlive.maxRequests,
    requestTimeout: 0,
    serverFactory: (handler) => {
      const options = { maxHeaderSize: maxUriSize + HEADER_ROOM };
      const server = opts.tls ? https.createServer({ ...options, cert: opts.tls.cert, key: opts.tls.key }, handler)
        : http.createServer(options, handler);
      server.keepAliveTimeout = keepAlive.timeoutS * 1000;
      server.maxRequestsPerSocket = keepAlive.maxRequests;
      // Long INSERT bodies and long-running streams are the point of this server.
      server.requestTimeout = 0;
      return server;
    },
    malformedRequest: (_err, socket) => sendBareErrorToSocket(socket, 400),
    bodyError: requestBodyError,
  });
  // Idle keep-alive connections would hold close() up; sessions hold nothing (their timers are unref'd).
  app.addHook('preClose', (done) => {
    (app.server as http.Server).closeIdleConnections();
    done();
  });
  if (ownsState) app.addHook('onClose', (_app, done) => {
    deps.sessions.closeAll();
    done();
  });
  return app;
}
