// A table's definition as stored: every field of the Table except its data
// (parts, bytes), columns with their types and DEFAULT expressions as exact
// JSON (values.ts), the extension as the dialect encodes it.

import type { Table } from '../catalog.ts';
import type { StoragePolicy } from '../dialect.ts';
import { decodeValue, encodeValue } from './values.ts';

export const FORMAT_VERSION = 1;

export function encodeTableMeta(t: Table, policy: StoragePolicy): string {
  const { parts: _parts, bytes: _bytes, extension, ...definition } = t;
  const ext = extension === undefined ? undefined : policy.encodeExtension ? policy.encodeExtension(extension) : extension;
  return `${JSON.stringify({ format: FORMAT_VERSION, table: encodeValue(definition), ...(ext !== undefined ? { extension: encodeValue(ext) } : {}) }, null, 1)}\n`;
}

/** The table without data (parts empty, bytes 0); the loader adds its parts. */
export function decodeTableMeta(text: string, policy: StoragePolicy): Table {
  const j = JSON.parse(text) as { format: number; table: unknown; extension?: unknown };
  if (j.format !== FORMAT_VERSION) throw new Error(`table metadata of format ${j.format}, this olapspec reads ${FORMAT_VERSION}`);
  const t = decodeValue(j.table) as Table;
  const ext = j.extension === undefined ? undefined : decodeValue(j.extension);
  return {
    ...t,
    parts: [],
    bytes: 0,
    ...(ext !== undefined ? { extension: policy.decodeExtension ? policy.decodeExtension(ext) : ext } : {}),
  };
}
