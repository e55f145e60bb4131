// The three documented ways a request names its user, as scenarios write them:
//   as "olapspec_plain" with the password "secret" in HTTP basic authentication
//   as "olapspec_plain" with the password "secret" in the user and password URL parameters
//   as "olapspec_plain" with the password "secret" in the X-ClickHouse-User and X-ClickHouse-Key headers
//   with the credentials in …      (the target's own user and password)
//   without credentials            (no user at all)
// Without "in …" the user goes in HTTP basic authentication, as clients send it.
// A step that names none sends the target's own user in basic authentication.

import { basicAuthorization } from './http.ts';

const WAYS = {
  'HTTP basic authentication': 'basic',
  'the user and password URL parameters': 'url',
  'the X-ClickHouse-User and X-ClickHouse-Key headers': 'headers',
} as const;

type Way = (typeof WAYS)[keyof typeof WAYS] | 'none';

export interface Credentials {
  /** Undefined: the target's own user and password. */
  user?: string;
  password?: string;
  way: Way;
}

const WAY_TEXT = Object.keys(WAYS).join('|');

/**
 * The phrase as a regular expression without capture groups, for the parameter
 * type: optional, with its leading space, so that a step reads the same with it or without.
 */
export const CREDENTIALS_PATTERN = `(?: as "[^"]*" with the password "[^"]*"(?: in (?:${WAY_TEXT}))?| with the credentials in (?:${WAY_TEXT})| without credentials)?`;

/** Undefined when the step names no credentials. */
export function parseCredentials(phrase: string | undefined): Credentials | undefined {
  const text = (phrase ?? '').trim();
  if (text === '') return undefined;
  if (text === 'without credentials') return { way: 'none' };
  const named = /^as "([^"]*)" with the password "([^"]*)"(?: in (.+))?$/.exec(text);
  const own = /^with the credentials in (.+)$/.exec(text);
  const wayText = named ? named[3] : own?.[1];
  const way = wayText === undefined ? 'basic' : WAYS[wayText as keyof typeof WAYS];
  if ((!named && !own) || way === undefined) throw new Error(`not a way to name a user: ${JSON.stringify(text)}`);
  return named ? { user: named[1]!, password: named[2]!, way } : { way };
}

/** The headers and URL parameters that carry the user; basic authentication is sent even for default without a password. */
export function credentialParts(credentials: Credentials, target: { user: string; password: string }):
  { headers: Record<string, string>; params: string } {
  const user = credentials.user ?? target.user;
  const password = credentials.password ?? target.password;
  switch (credentials.way) {
    case 'basic': return { headers: { authorization: basicAuthorization(user, password) }, params: '' };
    case 'url': return { headers: {}, params: `user=${encodeURIComponent(user)}&password=${encodeURIComponent(password)}` };
    case 'headers': return { headers: { 'x-clickhouse-user': user, 'x-clickhouse-key': password }, params: '' };
    case 'none': return { headers: {}, params: '' };
  }
}

/** `path` with `params` added to its query string. */
export function withParams(path: string, params: string): string {
  return params ? `${path}${path.includes('?') ? '&' : '?'}${params}` : path;
}
