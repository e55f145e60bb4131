// Credentials from an HTTP request, as authenticateUserByHTTP reads them:
// X-ClickHouse-User/Key headers, or an Authorization header, or the
// user/password URL parameters — never two of them at once (26.7 lets the
// parameters win over an Authorization header). Checking them is the engine's
// access control's job (AUTHENTICATION_FAILED, 516 → 403).

import type { IncomingHttpHeaders } from 'node:http';
import type { ClickHouseCompat } from './compat.ts';
import { ServerError } from './errors.ts';
import { firstParam, hasParam } from './url-params.ts';
import { decodePocoBase64 } from './poco-base64.ts';
import type { UrlParams } from './url-params.ts';

export type CredentialSource = 'X-ClickHouse HTTP headers' | 'Authorization HTTP header' | 'authentication via parameters';

export interface Credentials {
  user: string;
  password: string;
  source: CredentialSource;
  /**
   * allowInteractiveBasicAuthenticationInTheBrowser: false when the request
   * said `Authorization: never` (the Web UI asks for the password itself).
   */
  browserMayAsk: boolean;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function mixed(a: CredentialSource, b: CredentialSource): ServerError {
  return new ServerError('AUTHENTICATION_FAILED', `Invalid authentication: it is not allowed to use ${a} and ${b} simultaneously`);
}

export interface CredentialRules {
  /** `Authorization: never` is no Authorization header (compat.ts' authorizationNever). */
  authorizationNever?: boolean;
  /** The user/password URL parameters win over an Authorization header (compat.ts' urlCredentialsOverAuthorization). */
  paramsOverAuthorization?: boolean;
  /** A failed login as `default` asks the browser for a password (compat.ts' defaultLoginAsksBrowser). */
  defaultLoginAsksBrowser?: boolean;
  /** The help for `default` names ClickHouse Cloud first (compat.ts' cloudPasswordHelp). */
  cloudPasswordHelp?: boolean;
}

export function credentialRulesFor(compat: ClickHouseCompat): CredentialRules {
  return {
    authorizationNever: compat.authorizationNever,
    paramsOverAuthorization: compat.urlCredentialsOverAuthorization,
    defaultLoginAsksBrowser: compat.defaultLoginAsksBrowser,
    cloudPasswordHelp: compat.cloudPasswordHelp,
  };
}

/** How the engine tells a failed login of these credentials (AccessControl::authenticate). */
export function loginFailure(c: Credentials, rules: CredentialRules = {}): { browserMayAsk: boolean; cloudHelp: boolean } {
  return { browserMayAsk: Boolean(rules.defaultLoginAsksBrowser) && c.browserMayAsk, cloudHelp: Boolean(rules.cloudPasswordHelp) };
}

export function readCredentials(headers: IncomingHttpHeaders, params: UrlParams, rules: CredentialRules = {}): Credentials {
  const hUser = header(headers, 'X-ClickHouse-User');
  const hKey = header(headers, 'X-ClickHouse-Key');
  const given = header(headers, 'Authorization');
  const never = rules.authorizationNever === true && given === 'never';
  const authorization = never ? '' : given;
  const hasParams = hasParam(params, 'user') || hasParam(params, 'password');
  const nonEmpty = (c: Omit<Credentials, 'browserMayAsk'>): Credentials => {
    if (c.user === '') throw new ServerError('AUTHENTICATION_FAILED', `Got an empty user name from ${c.source}`);
    return { ...c, browserMayAsk: !never };
  };

  if (hUser !== '' || hKey !== '') {
    if (authorization !== '') throw mixed('X-ClickHouse HTTP headers', 'Authorization HTTP header');
    if (hasParams) throw mixed('X-ClickHouse HTTP headers', 'authentication via parameters');
    return nonEmpty({ user: hUser, password: hKey, source: 'X-ClickHouse HTTP headers' });
  }
  if (authorization !== '' && !(hasParams && rules.paramsOverAuthorization)) {
    if (hasParams) throw mixed('Authorization HTTP header', 'authentication via parameters');
    const space = authorization.indexOf(' ');
    const scheme = space < 0 ? authorization : authorization.slice(0, space);
    if (scheme.toLowerCase() !== 'basic') {
      throw new ServerError('AUTHENTICATION_FAILED', `Invalid authentication: '${scheme}' HTTP Authorization scheme is not supported`);
    }
    const decoded = decodePocoBase64(space < 0 ? '' : authorization.slice(space + 1)).toString('utf8');
    // Poco's HTTPBasicCredentials splits at the first colon: passwords may contain more.
    const colon = decoded.indexOf(':');
    return nonEmpty({
      user: colon < 0 ? decoded : decoded.slice(0, colon),
      password: colon < 0 ? '' : decoded.slice(colon + 1),
      source: 'Authorization HTTP header',
    });
  }
  return nonEmpty({
    user: firstParam(params, 'user') ?? 'default',
    password: firstParam(params, 'password') ?? '',
    source: 'authentication via parameters',
  });
}

/**
 * quota_key: the `quota_key` parameter or the X-ClickHouse-Quota header, not
 * both (BAD_ARGUMENTS, 400).
 */
export function readQuotaKey(headers: IncomingHttpHeaders, params: UrlParams): string {
  const fromHeader = header(headers, 'X-ClickHouse-Quota');
  if (!hasParam(params, 'quota_key')) return fromHeader;
  if (fromHeader !== '') {
    throw new ServerError('BAD_ARGUMENTS',
      'Invalid authentication: it is not allowed to use quota key as HTTP header and as parameter simultaneously');
  }
  return firstParam(params, 'quota_key') ?? '';
}
