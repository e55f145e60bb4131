// One HTTP request to the query handler, parsed into what the engine needs:
// who asks (auth, quota key, roles), in which session, where (database), how
// the answer is shaped (default format), the settings from the URL (with
// non-POST implying readonly), query parameters and the query id. The body is
// read separately: it may be large and streamed.

import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Settings } from '../engine/settings.ts';
import type { SessionScope } from '../engine/session.ts';
import { loginFailure, readCredentials, readQuotaKey, type CredentialRules } from './auth.ts';
import { ServerError } from './errors.ts';
import type { EngineUser, QueryEngine } from './engine-port.ts';
import { parseSessionTimeout } from './sessions.ts';
import type { Session, SessionStore, SessionTimeouts } from './sessions.ts';
import { firstParam } from './url-params.ts';
import type { UrlParams } from './url-params.ts';

/**
 * URL parameters that are not settings (HTTPHandler's reserved_param_names,
 * 24.x). The query's own parameter is not among them: which one it is, and
 * which names are query parameters, depends on the handler (QueryParamPolicy).
 */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set([
  'compress', 'decompress', 'user', 'password', 'quota_key', 'query_id', 'stacktrace', 'role',
  'buffer_size', 'wait_end_of_query', 'session_id', 'session_timeout', 'session_check',
  'client_protocol_version', 'close_session', 'database', 'default_format',
]);

/** With multipart/form-data these name external tables' metadata, not settings. */
const EXTERNAL_DATA_SUFFIXES = ['_format', '_types', '_structure'];

const QUERY_PARAMETER_PREFIX = 'param_';

/** Appended to the READONLY message when readonly came from the HTTP method (ContextAccess). */
export const GET_READONLY_HINT = 'For queries over HTTP, method GET implies readonly. You should use method POST for modifying queries';

export interface RequestInfo {
  method: string;
  headers: IncomingHttpHeaders;
  params: UrlParams;
  /** The peer's address, for users' <networks>. */
  address?: string;
  /** Content-Type starts with multipart/form-data: external data tables. */
  externalData?: boolean;
}

/** Who the request runs as and in which session: settled before anything else. */
export interface Principal {
  user: EngineUser;
  quotaKey: string;
  /** The session named by session_id, held until the request ends (release it). */
  session?: Session;
}

export interface QueryRequestContext extends Principal {
  /** Empty when the request names no database (the user's or server's default applies). */
  database: string;
  /** X-ClickHouse-Format header, else default_format, else TabSeparated. */
  defaultFormat: string;
  queryId: string;
  /** The dynamic handler's query parameter (`query` unless configured otherwise); '' when absent or predefined. */
  queryParam: string;
  /** `param_<name>` values for `{name:Type}` substitutions; the first occurrence wins. */
  queryParameters: Map<string, string>;
  /** `role` parameters, deduplicated and checked. */
  roles: string[];
  settings: Settings;
  /** The session's temporary tables, or a scope for this request alone. */
  scope: SessionScope;
  /** Set when GET imposed readonly=2; the engine appends it to the READONLY message as is. */
  readonlyHint?: string;
}

/**
 * customizeQueryParam of the two query handlers. The dynamic one takes the
 * SQL from `paramName` and every `param_<name>`; the predefined one takes
 * only the names its query uses, as `name=` or `param_name=` (each name once),
 * and ignores other `param_*`. Whatever neither takes is a setting.
 */
export type QueryParamPolicy =
  | { kind: 'dynamic'; paramName: string }
  | { kind: 'predefined'; receive: ReadonlySet<string> };

export const DEFAULT_QUERY_PARAMS: QueryParamPolicy = { kind: 'dynamic', paramName: 'query' };

/** True when the parameter belongs to the handler (it is then not a setting). */
export function takeQueryParam(policy: QueryParamPolicy, name: string, value: string, into: Map<string, string>): boolean {
  const parameter = name.startsWith(QUERY_PARAMETER_PREFIX) ? name.slice(QUERY_PARAMETER_PREFIX.length) : undefined;
  if (policy.kind === 'dynamic') {
    if (name === policy.paramName) return true;
    if (parameter === undefined) return false;
    if (!into.has(parameter)) into.set(parameter, value);
    return true;
  }
  if (policy.receive.has(name)) {
    setQueryParameter(into, name, value);
    return true;
  }
  if (parameter === undefined) return false;
  if (policy.receive.has(parameter)) setQueryParameter(into, parameter, value);
  return true;
}

/** Context::setQueryParameter: a name is set once; a second value, from the URL or a capture, is an error. */
export function setQueryParameter(into: Map<string, string>, name: string, value: string): void {
  if (into.has(name)) throw new ServerError('BAD_ARGUMENTS', `Duplicate name \`${name}\` of query parameter`);
  into.set(name, value);
}

export interface ContextDeps {
  engine: QueryEngine;
  sessions?: SessionStore;
  timeouts?: SessionTimeouts;
  credentialRules?: CredentialRules;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** authenticateUserByHTTP, then the session (HTTPHandler::processQuery's first steps). */
export function authenticateRequest(req: RequestInfo, deps: ContextDeps): Principal {
  const { params, headers } = req;
  const credentials = readCredentials(headers, params, deps.credentialRules);
  const quotaKey = readQuotaKey(headers, params);
  const user = deps.engine.authenticate(credentials.user, credentials.password, req.address, loginFailure(credentials, deps.credentialRules));

  const sessionId = firstParam(params, 'session_id');
  if (sessionId === undefined || !deps.sessions) return { user, quotaKey };
  const timeout = parseSessionTimeout(firstParam(params, 'session_timeout'), deps.timeouts);
  const session = deps.sessions.acquire(user.name, sessionId, timeout, firstParam(params, 'session_check') === '1', () => {
    const settings = deps.engine.newSettings();
    deps.engine.applyUserSettings(user.name, settings);
    return { settings, scope: deps.engine.createSessionScope(sessionId) };
  });
  return { user, quotaKey, session };
}

/** The settings a request starts from: its session's, else the user's profile over the defaults. */
export function initialSettings(principal: Principal, engine: QueryEngine): Settings {
  if (principal.session) return principal.session.settings.clone();
  const settings = engine.newSettings();
  engine.applyUserSettings(principal.user.name, settings);
  return settings;
}

/**
 * The order follows HTTPHandler::processQuery: readonly from the method,
 * database, default format, URL settings — all checked against the settings
 * as they were before any of them applies —, roles, then the query id.
 */
export function buildQueryContext(req: RequestInfo, principal: Principal, settings: Settings, deps: ContextDeps,
  queryParams: QueryParamPolicy = DEFAULT_QUERY_PARAMS): QueryRequestContext {
  const { params, headers } = req;
  const { engine } = deps;

  let readonlyHint: string | undefined;
  if (req.method !== 'POST' && settings.getNumber('readonly') === 0) {
    settings.setUnchecked('readonly', '2');
    if (req.method === 'GET') readonlyHint = `. ${GET_READONLY_HINT}`;
  }

  let database = header(headers, 'X-ClickHouse-Database') ?? '';
  let defaultFormat = header(headers, 'X-ClickHouse-Format') ?? '';
  const queryParameters = new Map<string, string>();
  const changes: [string, string][] = [];
  const skipSuffix = (name: string): boolean => req.externalData === true && EXTERNAL_DATA_SUFFIXES.some((s) => name.endsWith(s));
  for (const [name, value] of params) {
    if (name === 'database') {
      if (database === '') database = value;
    } else if (name === 'default_format') {
      if (defaultFormat === '') defaultFormat = value;
    } else if (RESERVED_PARAMS.has(name) || skipSuffix(name)) {
      continue;
    } else if (!takeQueryParam(queryParams, name, value, queryParameters)) {
      changes.push([name, value]);
    }
  }
  database ||= principal.session?.database ?? '';
  // setCurrentDatabase fails at once for a database that does not exist.
  if (database !== '') {
    if (engine.assertDatabase) engine.assertDatabase(database);
    else engine.catalog?.database(database);
  }

  applySettingsChanges(settings, changes, engine);

  const roleNames = params.filter(([n]) => n === 'role').map(([, v]) => v);
  const roles = roleNames.length > 0 ? engine.checkRoles(principal.user.name, roleNames) : [];

  const queryId = firstParam(params, 'query_id') ?? header(headers, 'X-ClickHouse-Query-Id') ?? randomUUID();

  return {
    ...principal,
    database,
    defaultFormat: defaultFormat || 'TabSeparated',
    queryId: queryId === '' ? randomUUID() : queryId,
    queryParam: queryParams.kind === 'dynamic' ? (firstParam(params, queryParams.paramName) ?? '') : '',
    queryParameters,
    roles,
    settings,
    scope: principal.session?.scope ?? engine.createSessionScope(),
    ...(readonlyHint !== undefined ? { readonlyHint } : {}),
  };
}

/**
 * checkSettingsConstraints sees all changes against the current settings and
 * drops those that keep the current value (they stay unchanged, `auto(2)`
 * stays `auto(2)`), then the rest apply together. `profile` applies a whole
 * settings profile and is not itself constrained.
 */
export function applySettingsChanges(settings: Settings, all: readonly [string, string][], engine: QueryEngine): void {
  const changes = all.filter(([name, value]) => name === 'profile' || !settings.isCurrent(name, value));
  for (const [name, value] of changes) if (name !== 'profile') settings.clone().set(name, value);
  for (const [name, value] of changes) {
    if (name === 'profile') engine.applyProfile(settings, value);
    else settings.setUnchecked(name, value);
  }
}
