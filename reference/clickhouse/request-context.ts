// One HTTP request to the query handler, parsed into what the engine needs:
// who asks (auth), where (database), how the answer is shaped (default
// format), the settings from the URL (with GET implying readonly), and the
// query id. The body is read separately: it may be large and streamed.

import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Settings } from '../engine/settings.ts';
import { authenticate, readCredentials } from './auth.ts';
import { parseSessionTimeout } from './sessions.ts';
import type { Session, SessionStore } from './sessions.ts';
import { firstParam } from './url-params.ts';
import type { UrlParams } from './url-params.ts';
import type { User, UserStore } from './users.ts';

/** URL parameters that are not settings (HTTPHandler's reserved_param_names, 24.x). */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  'query', 'compress', 'decompress', 'user', 'password', 'quota_key', 'query_id', 'stacktrace', 'role',
  'buffer_size', 'wait_end_of_query', 'session_id', 'session_timeout', 'session_check',
  'client_protocol_version', 'close_session', 'database', 'default_format',
]);

const QUERY_PARAMETER_PREFIX = 'param_';

/** Appended to the READONLY message when readonly came from the HTTP method (ContextAccess). */
export const GET_READONLY_HINT = 'For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries';

export interface RequestInfo {
  method: string;
  headers: IncomingHttpHeaders;
  params: UrlParams;
}

export interface QueryRequestContext {
  user: User;
  /** Empty when the request names no database (the user's or server's default applies). */
  database: string;
  /** X-ClickHouse-Format header, else default_format, else TabSeparated. */
  defaultFormat: string;
  queryId: string;
  /** The `query` URL parameter ('' when absent). */
  queryParam: string;
  /** `param_<name>` values for `{name:Type}` substitutions; the first occurrence wins. */
  queryParameters: Map<string, string>;
  settings: Settings;
  /** Set when GET imposed readonly=2; the engine appends it to the READONLY message as is. */
  readonlyHint?: string;
  /** The session named by session_id, held until the request ends (release it). */
  session?: Session;
}

export interface ContextDeps {
  users: UserStore;
  /** Throws UNKNOWN_DATABASE (81) for a database that does not exist. */
  assertDatabase?: (name: string) => void;
  sessions?: SessionStore;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The order follows HTTPHandler::processQuery: authenticate, database,
 * default format, readonly from the method, query id, then URL settings —
 * all checked against the settings as they were before any of them applies.
 */
export function buildQueryContext(req: RequestInfo, deps: ContextDeps): QueryRequestContext {
  const { params, headers } = req;
  const user = authenticate(deps.users, readCredentials(headers, params));

  const sessionId = firstParam(params, 'session_id');
  let session: Session | undefined;
  if (sessionId && deps.sessions) {
    const timeout = parseSessionTimeout(firstParam(params, 'session_timeout'));
    session = deps.sessions.acquire(user.name, sessionId, timeout, firstParam(params, 'session_check') === '1');
  }
  try {
    return { ...contextFor(req, deps, user, session), ...(session ? { session } : {}) };
  } catch (err) {
    if (session) deps.sessions!.release(session);
    throw err;
  }
}

function contextFor(req: RequestInfo, deps: ContextDeps, user: User, session: Session | undefined): QueryRequestContext {
  const { params, headers } = req;
  const database = header(headers, 'X-ClickHouse-Database') || firstParam(params, 'database') || session?.database || '';
  if (database !== '') deps.assertDatabase?.(database);

  const defaultFormat = header(headers, 'X-ClickHouse-Format') || firstParam(params, 'default_format') || 'TabSeparated';

  const settings = session ? session.settings.clone() : new Settings();
  let readonlyHint: string | undefined;
  if (req.method !== 'POST' && settings.getNumber('readonly') === 0) {
    settings.setUnchecked('readonly', '2');
    if (req.method === 'GET') readonlyHint = `. ${GET_READONLY_HINT}`;
  }

  const queryId = firstParam(params, 'query_id') || header(headers, 'X-ClickHouse-Query-Id') || randomUUID();

  const queryParameters = new Map<string, string>();
  const changes: [string, string][] = [];
  for (const [name, value] of params) {
    if (RESERVED_PARAMS.has(name)) continue;
    if (name.startsWith(QUERY_PARAMETER_PREFIX)) {
      const p = name.slice(QUERY_PARAMETER_PREFIX.length);
      if (!queryParameters.has(p)) queryParameters.set(p, value);
      continue;
    }
    changes.push([name, value]);
  }
  // checkSettingsConstraints sees all changes against the current settings, then they apply together.
  for (const [name, value] of changes) settings.clone().set(name, value);
  for (const [name, value] of changes) settings.setUnchecked(name, value);

  return {
    user,
    database,
    defaultFormat,
    queryId,
    queryParam: firstParam(params, 'query') ?? '',
    queryParameters,
    settings,
    ...(readonlyHint !== undefined ? { readonlyHint } : {}),
  };
}
