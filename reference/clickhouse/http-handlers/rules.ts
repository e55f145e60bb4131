// <http_handlers> read from the configuration into a chain of rules, in
// document order, with <defaults/> marking where the default handlers go
// (createHandlersFactoryFromConfig). Every mistake ClickHouse refuses at
// start-up is refused here too, with its code and wording.

import { ServerError } from '../errors.ts';
import { at, child, orderedEntries, text } from '../../config/config-tree.ts';
import type { ConfigObject, ConfigValue } from '../../config/config-tree.ts';
import type { HeaderList } from '../http/sink.ts';
import { compileRe2 } from './re2.ts';

/** An exact string, or (after `regex:`) an RE2 expression that must match in full. */
export interface Pattern {
  text: string;
  regex?: RegExp;
}

export interface RuleFilters {
  /** Compared with the request-target up to the first `?`. */
  url?: Pattern;
  /** Upper-cased; the request's method must be one of them. */
  methods?: string[];
  /** Each header (a missing one reads as '') must match. */
  headers: [string, Pattern][];
  /** The request-target has no `?` at all. */
  emptyQueryString: boolean;
}

/** What a static handler sends: literal text, a config value (resolved at start-up) or a file under user_files_path. */
export type StaticContent =
  | { kind: 'text'; text: string }
  | { kind: 'file'; name: string }
  /** A bare `config://`, refused when a request comes (INVALID_CONFIG_PARAMETER). */
  | { kind: 'incomplete_config_path' };

export type HandlerSpec =
  | { type: 'static'; status: number; content: StaticContent }
  | { type: 'redirect'; location: string }
  | { type: 'dynamic_query_handler'; queryParamName: string }
  | { type: 'predefined_query_handler'; query: string }
  | { type: 'ping' }
  | { type: 'replicas_status' }
  | { type: 'index' };

export interface HandlerRule {
  /** The rule's config path, e.g. `http_handlers.rule[1]`. */
  path: string;
  filters: RuleFilters;
  handler: HandlerSpec;
  /** <http_response_headers>, then <content_type> as Content-Type; set on the response as given. */
  responseHeaders: HeaderList;
}

export type ChainEntry = { kind: 'rule'; rule: HandlerRule } | { kind: 'defaults' };

const SECTION = 'http_handlers';

/** Handler types of ClickHouse this server has no counterpart for (they need its web UI or metrics). */
const UNSERVED_TYPES = new Set(['prometheus', 'play', 'dashboard', 'binary', 'merges', 'jemalloc', 'js', 'webterminal', 'acme']);

/** Poco's names for repeated keys: rule, rule[1], rule[2], … */
function pocoKeys(entries: [string, ConfigValue][]): [string, ConfigValue][] {
  const seen = new Map<string, number>();
  return entries.map(([name, value]) => {
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return [n === 0 ? name : `${name}[${n}]`, value];
  });
}

function pattern(expression: string): Pattern {
  if (!expression.startsWith('regex:')) return { text: expression };
  return { text: expression, regex: compileRe2(expression.slice('regex:'.length), expression) };
}

function filtersOf(rule: ConfigValue, path: string): RuleFilters {
  const filters: RuleFilters = { headers: [], emptyQueryString: false };
  for (const [key, value] of pocoKeys(orderedEntries(rule))) {
    if (key === 'handler') continue;
    if (key === 'url') filters.url = pattern(text(value) ?? '');
    else if (key === 'empty_query_string') filters.emptyQueryString = true;
    else if (key === 'methods') filters.methods = (text(value) ?? '').split(',').map((m) => m.trim().toUpperCase());
    else if (key === 'headers') {
      for (const [name, expr] of orderedEntries(value)) filters.headers.push([name, pattern(text(expr) ?? '')]);
    } else {
      throw new ServerError('UNKNOWN_ELEMENT_IN_CONFIG', `Unknown element in config: ${path}.${key}`);
    }
  }
  return filters;
}

/** Header lists set one after the other: a later name replaces an earlier one (Poco's response.set). */
function setHeader(headers: HeaderList, name: string, value: string): void {
  const i = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
  if (i >= 0) headers.splice(i, 1);
  headers.push([name, value]);
}

function responseHeadersOf(handler: ConfigValue | undefined, common: HeaderList): HeaderList {
  const headers: HeaderList = [...common];
  for (const [name, value] of orderedEntries(child(handler, 'http_response_headers'))) setHeader(headers, name, text(value) ?? '');
  const contentType = text(child(handler, 'content_type'));
  if (contentType !== undefined) setHeader(headers, 'Content-Type', contentType);
  return headers;
}

/** StaticRequestHandler::writeResponse's three kinds of response_content. */
function staticContent(expression: string, root: ConfigObject): StaticContent {
  if (expression.startsWith('file://')) return { kind: 'file', name: expression.slice('file://'.length) };
  if (expression.startsWith('config://')) {
    const key = expression.slice('config://'.length);
    if (key === '') return { kind: 'incomplete_config_path' };
    const value = at(root, key);
    return { kind: 'text', text: value === undefined ? 'Ok.\n' : (text(value) ?? '') };
  }
  return { kind: 'text', text: expression };
}

function handlerOf(rule: ConfigValue, path: string, root: ConfigObject): HandlerSpec {
  const handler = child(rule, 'handler');
  const type = text(child(handler, 'type'))?.trim() ?? '';
  if (type === '') {
    throw new ServerError('INVALID_CONFIG_PARAMETER', `Handler type in config is not specified here: ${path}.handler.type`);
  }
  const str = (key: string): string | undefined => text(child(handler, key));
  switch (type) {
    case 'static': {
      const status = Number((str('status') ?? '200').trim());
      if (!Number.isInteger(status) || status < 100 || status > 999) {
        throw new ServerError('INVALID_CONFIG_PARAMETER', `Invalid HTTP status ${str('status')} here: ${path}.handler.status`);
      }
      return { type, status, content: staticContent(str('response_content') ?? 'Ok.\n', root) };
    }
    case 'redirect': {
      const location = str('location');
      if (location === undefined) {
        throw new ServerError('NO_ELEMENTS_IN_CONFIG', `There is no path '${path}.handler.location' in configuration file.`);
      }
      return { type, location: location.trim() };
    }
    case 'dynamic_query_handler':
      return { type, queryParamName: str('query_param_name')?.trim() || 'query' };
    case 'predefined_query_handler': {
      const query = str('query');
      if (query === undefined) {
        throw new ServerError('NO_ELEMENTS_IN_CONFIG', `There is no path '${path}.handler.query' in configuration file.`);
      }
      return { type, query };
    }
    case 'ping':
    case 'replicas_status':
    case 'index':
      return { type };
    default:
      if (UNSERVED_TYPES.has(type)) {
        throw new ServerError('INVALID_CONFIG_PARAMETER',
          `Handler type '${type}' (${path}.handler.type) is ClickHouse's, but this reference server does not serve it`);
      }
      throw new ServerError('INVALID_CONFIG_PARAMETER', `Unknown handler type '${type}' in config here: ${path}.handler.type`);
  }
}

/** The chain of <http_handlers>, or undefined when the section is absent (the default handlers apply). */
export function readHttpHandlers(root: ConfigObject): ChainEntry[] | undefined {
  const section = child(root, SECTION);
  if (section === undefined) return undefined;
  const chain: ChainEntry[] = [];
  // Newer servers add these to every rule's response; a rule's own headers win.
  const common: HeaderList = orderedEntries(child(section, 'common_http_response_headers')).map(([n, v]) => [n, text(v) ?? '']);
  for (const [key, value] of pocoKeys(orderedEntries(section))) {
    const path = `${SECTION}.${key}`;
    if (key === 'defaults') chain.push({ kind: 'defaults' });
    else if (key.startsWith('rule')) {
      const handler = handlerOf(value, path, root);
      chain.push({ kind: 'rule', rule: { path, filters: filtersOf(value, path), handler, responseHeaders: responseHeadersOf(child(value, 'handler'), common) } });
    } else if (key !== 'common_http_response_headers') {
      throw new ServerError('UNKNOWN_ELEMENT_IN_CONFIG', `Unknown element in config: ${path}, must be 'rule' or 'defaults'`);
    }
  }
  return chain;
}
