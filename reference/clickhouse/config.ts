// The server configuration this reference understands, read from a
// ClickHouse-style config.xml (or a flat config.yaml): display_name,
// http_port, listen_host, timezone, http_server_default_response and
// <http_options_response> headers. Unknown keys are ignored, as ClickHouse
// ignores keys it does not use.

import { readFileSync } from 'node:fs';
import type { HeaderList } from './http/sink.ts';

export interface ServerConfig {
  displayName?: string;
  httpPort?: number;
  listenHost?: string;
  timezone?: string;
  /** Body of `GET /` (ClickHouse default `Ok.\n`). */
  httpServerDefaultResponse?: string;
  httpOptionsResponse?: HeaderList;
  /** http_max_uri_size of the default profile (1 MiB). */
  httpMaxUriSize?: number;
}

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** Enough XML for configuration files: elements, text, CDATA, comments, declarations. */
export function parseXml(text: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decodeEntities(text.slice(i));
      break;
    }
    top.text += decodeEntities(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      top.text += text.slice(lt + 9, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 3;
    } else if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      if (stack.length > 1) stack.pop();
      i = end < 0 ? text.length : end + 1;
    } else {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new Error(`Malformed XML: unterminated tag at ${lt}`);
      const tag = text.slice(lt + 1, end);
      const selfClosing = tag.endsWith('/');
      const name = tag.replace(/\/$/, '').trim().split(/\s+/)[0]!;
      const node: XmlNode = { name, children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
      i = end + 1;
    }
  }
  return root;
}

function configFromXml(text: string): ServerConfig {
  const doc = parseXml(text);
  const root = doc.children.find((c) => c.name === 'clickhouse' || c.name === 'yandex') ?? doc;
  const get = (name: string): string | undefined => root.children.find((c) => c.name === name)?.text;
  const cfg = flatConfig(get);
  const options = root.children.find((c) => c.name === 'http_options_response');
  if (options) {
    cfg.httpOptionsResponse = options.children
      .filter((c) => c.name === 'header')
      .map((h) => [h.children.find((c) => c.name === 'name')?.text.trim() ?? '', h.children.find((c) => c.name === 'value')?.text.trim() ?? ''] as [string, string])
      .filter(([n]) => n !== '');
  }
  const maxUri = root.children.find((c) => c.name === 'profiles')?.children.find((c) => c.name === 'default')
    ?.children.find((c) => c.name === 'http_max_uri_size')?.text.trim();
  if (maxUri) cfg.httpMaxUriSize = Number(maxUri);
  return cfg;
}

function flatConfig(get: (name: string) => string | undefined): ServerConfig {
  const cfg: ServerConfig = {};
  const str = (name: string): string | undefined => {
    const v = get(name);
    return v === undefined ? undefined : v.trim();
  };
  const displayName = str('display_name');
  if (displayName) cfg.displayName = displayName;
  const port = str('http_port');
  if (port) cfg.httpPort = Number(port);
  const host = str('listen_host');
  if (host) cfg.listenHost = host;
  const tz = str('timezone');
  if (tz) cfg.timezone = tz;
  // The default response is used verbatim: whitespace is part of it.
  const def = get('http_server_default_response');
  if (def !== undefined) cfg.httpServerDefaultResponse = def;
  return cfg;
}

/** Top-level `key: value` lines of a YAML config; nested sections are skipped. */
function configFromYaml(text: string): ServerConfig {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):\s*(.*?)\s*$/.exec(line);
    if (!m || m[2] === '') continue;
    let v = m[2]!;
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) {
      v = v.startsWith('"') ? JSON.parse(v) as string : v.slice(1, -1).replaceAll("''", "'");
    }
    values.set(m[1]!, v);
  }
  return flatConfig((name) => values.get(name));
}

export function loadConfig(path: string): ServerConfig {
  const text = readFileSync(path, 'utf8');
  return /\.ya?ml$/i.test(path) ? configFromYaml(text) : configFromXml(text);
}
