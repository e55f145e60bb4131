// Request headers a StarRocks step sends: the ones earlier Given-steps set for
// the next request (names lower-cased), and Basic credentials.

import type { OlapWorld } from '../../support/world.ts';

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
