// Server configuration files (ClickHouse's, and the StarRocks section the
// reference reads from the same file) as one plain tree, whether they were
// written in XML or YAML: an element with children becomes an object, a
// repeated element an array, a leaf its text ('' when empty, e.g.
// <no_password/>). ClickHouse's own loader (ConfigProcessor) maps YAML onto
// the same shape.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export type ConfigValue = string | ConfigObject | ConfigValue[];
export interface ConfigObject {
  [key: string]: ConfigValue;
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

/**
 * Where ClickHouse walks a section in document order (Poco's keys(): rule,
 * rule[1], defaults, …), grouping repeated names into arrays would lose the
 * interleaving; each object built from XML remembers its children in order.
 */
const DOCUMENT_ORDER = Symbol('document order');

interface OrderedObject extends ConfigObject {
  [DOCUMENT_ORDER]?: [string, ConfigValue][];
}

/** An object of the children in this order: a repeated name becomes an array, the order is remembered. */
export function orderedObject(order: [string, ConfigValue][]): ConfigObject {
  const obj: OrderedObject = {};
  for (const [name, value] of order) {
    const prev = obj[name];
    if (prev === undefined) obj[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else obj[name] = [prev, value];
  }
  Object.defineProperty(obj, DOCUMENT_ORDER, { value: order, enumerable: false });
  return obj;
}

function xmlToValue(node: XmlNode): ConfigValue {
  if (node.children.length === 0) return node.text;
  return orderedObject(node.children.map((child): [string, ConfigValue] => [child.name, xmlToValue(child)]));
}

function yamlToValue(v: unknown): ConfigValue {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(yamlToValue);
  if (typeof v === 'object') {
    const obj: ConfigObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) obj[k] = yamlToValue(x);
    return obj;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** The root object of a config file (<clickhouse>/<yandex> or the YAML document). */
export function readConfigTree(path: string): ConfigObject {
  const text = readFileSync(path, 'utf8');
  if (/\.ya?ml$/i.test(path)) {
    const doc = yamlToValue(parseYaml(text));
    return typeof doc === 'object' && !Array.isArray(doc) ? doc : {};
  }
  const root = parseXml(text).children.find((c) => c.name === 'clickhouse' || c.name === 'yandex');
  if (!root) throw new Error(`${path}: the root element must be <clickhouse> (or <yandex>)`);
  const value = xmlToValue(root);
  return typeof value === 'object' && !Array.isArray(value) ? value : {};
}

// ------------------------------------------------------------- accessors

export function child(obj: ConfigValue | undefined, key: string): ConfigValue | undefined {
  if (obj === undefined || typeof obj === 'string') return undefined;
  if (Array.isArray(obj)) return child(obj[obj.length - 1], key);
  return obj[key];
}

/** A leaf's text; for a repeated element the last one (ClickHouse reads the last). */
export function text(v: ConfigValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return text(v[v.length - 1]);
  return typeof v === 'string' ? v : undefined;
}

export function texts(v: ConfigValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap(texts);
  return typeof v === 'string' ? [v] : [];
}

export function entries(v: ConfigValue | undefined): [string, ConfigValue][] {
  if (v === undefined || typeof v === 'string') return [];
  if (Array.isArray(v)) return v.flatMap(entries);
  return Object.entries(v);
}

/**
 * The children of a section in document order, a repeated name once per
 * occurrence. YAML documents keep their keys' order, and a list under a key
 * stands for that key repeated in place (as ClickHouse's YAML loader maps it).
 */
export function orderedEntries(v: ConfigValue | undefined): [string, ConfigValue][] {
  if (v === undefined || typeof v === 'string' || Array.isArray(v)) return [];
  const order = (v as OrderedObject)[DOCUMENT_ORDER];
  if (order) return order;
  return Object.entries(v).flatMap(([k, x]): [string, ConfigValue][] => (Array.isArray(x) ? x.map((one): [string, ConfigValue] => [k, one]) : [[k, x]]));
}

export function at(obj: ConfigValue | undefined, path: string): ConfigValue | undefined {
  let cur = obj;
  for (const key of path.split('.')) cur = child(cur, key);
  return cur;
}
