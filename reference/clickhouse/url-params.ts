// The query string as HTMLForm reads it: `+` is a space, %XX is decoded,
// names may repeat (callers pick first or last like ClickHouse does) and
// empty names (`?&a=b`, `a=b&&c=d`) are skipped; a bad escape throws as in Poco.

import { PocoError } from './errors.ts';

export type UrlParams = readonly (readonly [string, string])[];

const HEX = /^[0-9a-fA-F]$/;

/**
 * Poco's URI::decode of one name or value: a `%` must be followed by two hex
 * digits, else URISyntaxException, which ClickHouse answers as POCO_EXCEPTION
 * (1000, status 500) before it looks at anything else in the request.
 */
function checkEscapes(s: string): void {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '%') continue;
    if (i + 1 >= s.length) throw new PocoError(`Bad URI syntax: URI encoding: no hex digit following percent sign: ${s}`);
    if (i + 2 >= s.length) throw new PocoError(`Bad URI syntax: URI encoding: two hex digits must follow percent sign: ${s}`);
    if (!HEX.test(s[i + 1]!) || !HEX.test(s[i + 2]!)) throw new PocoError('Bad URI syntax: URI encoding: not a hex digit');
    i += 2;
  }
}

function decode(s: string): string {
  const spaced = s.replaceAll('+', ' ');
  checkEscapes(spaced);
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Escapes of bytes that are not UTF-8: Poco decodes them byte by byte.
    return spaced.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** Parse the part of a request-target after the first `?`. */
export function parseQueryString(uri: string): UrlParams {
  const q = uri.indexOf('?');
  if (q < 0) return [];
  const out: [string, string][] = [];
  for (const part of uri.slice(q + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    // HTMLForm decodes both halves before it looks at the name.
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1));
    if (name === '') continue;
    out.push([name, value]);
  }
  return out;
}

export function firstParam(params: UrlParams, name: string): string | undefined {
  return params.find(([n]) => n === name)?.[1];
}

export function lastParam(params: UrlParams, name: string): string | undefined {
  for (let i = params.length - 1; i >= 0; i--) if (params[i]![0] === name) return params[i]![1];
  return undefined;
}

export function hasParam(params: UrlParams, name: string): boolean {
  return params.some(([n]) => n === name);
}

/** Boolean params (compress, wait_end_of_query, …) parse as 0/1/true/false. */
export function boolParam(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value === '1' || value.toLowerCase() === 'true';
}
