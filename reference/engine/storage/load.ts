// Startup from a data directory: the databases and tables it holds go back
// into the catalog, each table with the parts of its last committed state,
// then the catalog's storage is set so that every later change is stored.
// What a crash can leave behind is removed here: files still under their
// temporary name, parts older than a replacing one, tables whose table.json
// or database is gone.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Database, Table } from '../catalog.ts';
import { setParts } from '../catalog.ts';
import type { Block } from '../columns/block.ts';
import type { StoragePolicy } from '../dialect.ts';
import { DiskStorage, removeOlderParts } from './disk-storage.ts';
import { DataDirError } from './errors.ts';
import { mkdirDurable, removeTree, TMP_SUFFIX } from './files.ts';
import { databasesDir, partName, partSeq, TABLE_FILE, tablesDir } from './layout.ts';
import { lockDataDir } from './lock.ts';
import { decodePart } from './part-file.ts';
import { decodeTableMeta, encodeTableMeta } from './table-meta.ts';
import { decodeValue } from './values.ts';

/** Part files a table may have at start-up before they are rewritten as one (each INSERT writes one). */
export const COMPACT_AFTER_FILES = 64;

/** Keep every table with its rows: the policy of a dialect that names none. */
export const KEEP_EVERYTHING: StoragePolicy = { keepsTable: () => true, keepsData: () => true };

/** Load `root` into `catalog` (creating the directory when new) and store every change there from now on. */
export function openDataDir(catalog: Catalog, root: string, policy: StoragePolicy = KEEP_EVERYTHING): DiskStorage {
  mkdirDurable(databasesDir(root));
  mkdirDurable(tablesDir(root));
  lockDataDir(root);
  const storage = new DiskStorage(root, policy, catalog.builtin, (name) => catalog.databases.get(name));
  loadDatabases(catalog, root);
  const many: Table[] = [];
  for (const entry of readdirSync(tablesDir(root))) {
    const dir = join(tablesDir(root), entry);
    try {
      const loaded = loadTable(catalog, storage, dir);
      if (loaded && loaded.files > COMPACT_AFTER_FILES) many.push(loaded.table);
    } catch (e) {
      throw new DataDirError(`cannot load the table stored in ${dir}: ${(e as Error).message}`, { cause: e });
    }
  }
  // Once every table and its commit records are back: a table of many small parts is rewritten as one file.
  for (const t of many) storage.compact(t);
  catalog.storage = storage;
  return storage;
}

function loadDatabases(catalog: Catalog, root: string): void {
  const dir = databasesDir(root);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.endsWith(TMP_SUFFIX)) {
      removeTree(path);
      continue;
    }
    if (!name.endsWith('.json')) continue;
    const d = decodeValue(JSON.parse(readFileSync(path, 'utf8'))) as Omit<Database, 'tables'>;
    if (!catalog.databases.has(d.name)) catalog.databases.set(d.name, { ...d, tables: new Map() });
  }
}

/** The table loaded from `dir` and how many part files hold its data; undefined when `dir` was garbage (removed). */
function loadTable(catalog: Catalog, storage: DiskStorage, dir: string): { table: Table; files: number } | undefined {
  const metaPath = join(dir, TABLE_FILE);
  if (!existsSync(metaPath)) {
    removeTree(dir);
    return undefined;
  }
  const table = decodeTableMeta(readFileSync(metaPath, 'utf8'), storage.policy);
  const db = catalog.databases.get(table.database);
  if (!db || !storage.policy.keepsTable(table, db)) {
    removeTree(dir);
    return undefined;
  }
  const names = readdirSync(dir);
  for (const n of names) if (n.endsWith(TMP_SUFFIX)) removeTree(join(dir, n));
  const seqs = names.map(partSeq).filter((s): s is number => s !== undefined).sort((a, b) => a - b);
  let parts: Block[] = [];
  let bytes = 0;
  let base = 0;
  let commits: unknown[] = [];
  for (const seq of seqs) {
    const part = decodePart(readFileSync(join(dir, partName(seq))));
    if (part.reset) {
      parts = [];
      bytes = 0;
      base = seq;
      commits = [];
    }
    parts.push(...part.blocks);
    bytes += part.bytes;
    commits.push(...(part.commits ?? []));
  }
  if (base > 0) removeOlderParts(dir, base);
  if (storage.policy.keepsData(table)) setParts(table, parts, bytes);
  db.tables.set(table.name, table as Table);
  storage.tables.set(table.uuid, { dir, nextSeq: (seqs.at(-1) ?? 0) + 1, meta: encodeTableMeta(table, storage.policy), commits });
  if (commits.length) storage.policy.restoreCommits?.(table, commits);
  return { table, files: seqs.filter((s) => s >= base).length };
}
