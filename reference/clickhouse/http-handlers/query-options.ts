// What the query handler needs from a dynamic_query_handler or
// predefined_query_handler rule, worked out once at start-up like
// createPredefinedHandlerFactory does: the names of the placeholders the
// predefined query uses (so a bad query stops the server from starting),
// and which url/header regexes capture any of them.

import type { QueryEngine } from '../engine-port.ts';
import type { CaptureSource, QueryHandlerOptions } from '../handlers/query.ts';
import { compileRe2, groupNames } from './re2.ts';
import type { HandlerRule } from './rules.ts';

/** Only a regex with a named group the query uses passes parameters (capturingNamedQueryParam). */
function captures(regex: RegExp, receive: ReadonlySet<string>): boolean {
  return groupNames(regex).some((name) => receive.has(name));
}

export function queryHandlerOptions(rule: HandlerRule, engine: QueryEngine): QueryHandlerOptions {
  const responseHeaders = rule.responseHeaders;
  const { handler } = rule;
  if (handler.type === 'dynamic_query_handler') {
    return { source: { kind: 'dynamic', paramName: handler.queryParamName }, responseHeaders };
  }
  if (handler.type !== 'predefined_query_handler') throw new Error(`${rule.path} is not a query handler`);

  const receive = new Set(engine.parse(handler.query).parameters ?? []);
  const sources: CaptureSource[] = [];
  const { url } = rule.filters;
  if (url) {
    // Even a plain url is read as an expression here; only its named groups matter.
    const source = url.regex ? url.text.slice('regex:'.length) : url.text;
    const regex = url.regex ?? compileRe2(source, source);
    if (captures(regex, receive)) sources.push({ regex });
  }
  for (const [header, p] of rule.filters.headers) {
    if (p.regex && captures(p.regex, receive)) sources.push({ header, regex: p.regex });
  }
  return { source: { kind: 'predefined', query: handler.query, receive, captures: sources }, responseHeaders };
}
