// The query string as HTMLForm reads it: `+` is a space, %XX is decoded,
// names may repeat (callers pick first or last like ClickHouse does) and
// empty names (`?&a=b`, `a=b&&c=d`) are skipped.

export type UrlParams = readonly (readonly [string, string])[];

function decode(s: string): string {
  const spaced = s.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Poco keeps undecodable sequences as they are.
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
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (name === '') continue;
    out.push([name, eq < 0 ? '' : decode(part.slice(eq + 1))]);
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
