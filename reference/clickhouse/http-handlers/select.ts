// Which handler answers a request: the first rule whose filters all match,
// with <defaults/> standing for the default handlers at its place
// (HTTPRequestHandlerFactoryMain::createRequestHandler). Without a chain the
// default handlers alone decide.

import type { IncomingHttpHeaders } from 'node:http';
import { defaultRoute } from '../routes.ts';
import type { DefaultRoute } from '../routes.ts';
import type { ChainEntry, HandlerRule, Pattern, RuleFilters } from './rules.ts';

export interface RequestLine {
  method: string;
  /** The raw request-target, query string included. */
  uri: string;
  headers: IncomingHttpHeaders;
}

export type Selection =
  | { kind: 'default'; route: DefaultRoute }
  | { kind: 'rule'; rule: HandlerRule }
  /** GET, HEAD and POST that nothing took: the 404 page, with path hints only when the defaults are in the chain. */
  | { kind: 'not_found'; hints: boolean }
  /** Any other method: no handler at all, the connection answers 501. */
  | { kind: 'not_implemented' };

/** The request-target up to the first `?`: what url filters and url captures see. */
export function pathOf(uri: string): string {
  const q = uri.indexOf('?');
  return q < 0 ? uri : uri.slice(0, q);
}

/** Poco's request.get(name, ""): the first value of the header, '' when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function matches(p: Pattern, value: string): boolean {
  return p.regex ? p.regex.test(value) : value === p.text;
}

export function filtersMatch(f: RuleFilters, req: RequestLine): boolean {
  if (f.url && !matches(f.url, pathOf(req.uri))) return false;
  if (f.emptyQueryString && req.uri.includes('?')) return false;
  if (f.methods && !f.methods.includes(req.method)) return false;
  return f.headers.every(([name, p]) => matches(p, headerValue(req.headers, name)));
}

function fallback(method: string, hints: boolean): Selection {
  return method === 'GET' || method === 'HEAD' || method === 'POST' ? { kind: 'not_found', hints } : { kind: 'not_implemented' };
}

export function selectHandler(chain: readonly ChainEntry[] | undefined, req: RequestLine): Selection {
  if (!chain) {
    const route = defaultRoute(req.method, req.uri);
    return route ? { kind: 'default', route } : fallback(req.method, true);
  }
  // The default handlers register the paths the 404 page may suggest, wherever <defaults/> stands.
  const hints = chain.some((entry) => entry.kind === 'defaults');
  for (const entry of chain) {
    if (entry.kind === 'defaults') {
      const route = defaultRoute(req.method, req.uri);
      if (route) return { kind: 'default', route };
    } else if (filtersMatch(entry.rule.filters, req)) {
      return { kind: 'rule', rule: entry.rule };
    }
  }
  return fallback(req.method, hints);
}
