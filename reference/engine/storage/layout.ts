// Where things live in a data directory:
//
//   DIR/lock                           the process using the directory (lock.ts)
//   DIR/databases/<name>.json          a database created by SQL (name, engine, uuid, comment)
//   DIR/tables/<uuid>/table.json       a table's definition (table-meta.ts), with its database's name
//   DIR/tables/<uuid>/<seq>.part       its data, one file per committed change (part-file.ts)
//
// Names are escaped as ClickHouse escapes file names. A table lives under its
// uuid, so RENAME (even to another database) rewrites one file atomically.

import { join } from 'node:path';
import { escapeForFileName } from './files.ts';

export const TABLE_FILE = 'table.json';
export const PART_SUFFIX = '.part';

export const databasesDir = (root: string): string => join(root, 'databases');
export const tablesDir = (root: string): string => join(root, 'tables');
export const databaseFile = (root: string, name: string): string => join(databasesDir(root), `${escapeForFileName(name)}.json`);
export const tableDir = (root: string, uuid: string): string => join(tablesDir(root), /^[0-9A-Za-z-]+$/.test(uuid) ? uuid : escapeForFileName(uuid));

/** Part files sort by name in commit order. */
export const partName = (seq: number): string => `${String(seq).padStart(12, '0')}${PART_SUFFIX}`;
export const partSeq = (name: string): number | undefined => (/^\d{12}\.part$/.test(name) ? Number(name.slice(0, 12)) : undefined);
