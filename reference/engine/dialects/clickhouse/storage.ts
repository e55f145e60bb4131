// What a ClickHouse server keeps across a restart: every table's definition
// (metadata/*.sql), except in a Memory database, which keeps nothing on disk
// (DatabaseMemory); the rows of the engines that store them on disk, the
// MergeTree and Log families. A Memory table comes back empty, a Null table
// never holds any.

import type { StoragePolicy } from '../../dialect.ts';

const LOG_FAMILY = new Set(['Log', 'TinyLog', 'StripeLog']);

export const CLICKHOUSE_STORAGE: StoragePolicy = {
  keepsTable: (_t, db) => db.engine !== 'Memory',
  keepsData: (t) => t.engine.endsWith('MergeTree') || LOG_FAMILY.has(t.engine),
};
