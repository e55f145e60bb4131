// Request headers a StarRocks step sends: the ones earlier Given-steps set for
// the next request (names lower-cased), and Basic credentials.

import type { Credentials } from '../../support/credentials.ts';
import type { OlapWorld } from '../../support/world.ts';
import type { Auth } from './session.ts';

/** Takes the headers set for the next request; they apply to every hop of it. */
export function requestFor(world: OlapWorld): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(world.nextHeaders)) headers[name.toLowerCase()] = world.resolve(value);
  world.nextHeaders = {};
  return headers;
}

export function basicAuthHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** A StarRocks node takes a user in basic authentication, or none. */
export function starrocksAuth(world: OlapWorld, credentials: Credentials | undefined): Auth {
  if (!credentials) return 'target';
  if (credentials.way === 'none') return 'none';
  if (credentials.way !== 'basic') throw new Error('a StarRocks node takes credentials in HTTP basic authentication only');
  return credentials.user === undefined ? 'target' : { user: world.resolve(credentials.user), password: credentials.password ?? '' };
}
