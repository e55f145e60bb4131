// The StarRocks dialect: StarRocks SQL (MySQL protocol front-end) with its
// own statements and interpreters over the engine's catalog and planner, its
// load jobs and labels, SET GLOBAL values and release strings; errors in
// StarRocks' MySQL numbers; table metadata in Table.extension. The FE
// decides who may do what, so the engine checks no privileges.

import { Engine, allowAllAccess } from '../../engine/index.ts';
import type { EngineDialect } from '../../engine/dialect.ts';
import type { SrStatement } from './ast.ts';
import { parseStarRocks } from './parse.ts';
import { starRocksInterpreters } from './interpreters/index.ts';
import type { StarRocksHost } from './host.ts';
import { toStarRocksError } from './errors.ts';
import { keyModelMerge } from './key-model.ts';
import { LoadJobs } from './loads.ts';
import { starRocksStorage } from './storage.ts';
import type { StarRocksRelease } from './variables.ts';
import './functions.ts';

/** Databases a fresh StarRocks FE has. */
export const STARROCKS_DATABASES = ['_statistics_', 'information_schema', 'sys'];

export interface StarRocksDialect extends EngineDialect<SrStatement> {
  readonly release: StarRocksRelease;
  /** Load jobs and labels (INSERT WITH LABEL, stream load): one label namespace per database. */
  readonly loads: LoadJobs;
  /** SET GLOBAL values. */
  readonly globals: Map<string, string | bigint>;
}

export type StarRocksEngine = Engine<StarRocksDialect>;

export function starRocksDialect(release: StarRocksRelease): StarRocksDialect {
  const loads = new LoadJobs();
  const globals = new Map<string, string | bigint>();
  const hostOf = (engine: Engine): StarRocksHost => ({
    catalog: engine.catalog, loads, release, timezone: engine.timezone, globals,
    load: (table, target, rows, ctx, opts) => engine.appendRows(table, target, rows, ctx, keyModelMerge(table), opts),
  });
  return {
    name: 'starrocks',
    builtinDatabases: STARROCKS_DATABASES,
    // The FE keeps its own list of running queries (mysql/server.ts).
    tracksQueries: false,
    parse: (sql) => parseStarRocks(sql),
    interpreters: starRocksInterpreters(hostOf),
    translateError: (e, ctx) => toStarRocksError(e, ctx.database),
    storage: starRocksStorage(loads),
    release,
    loads,
    globals,
  };
}

/** An engine speaking StarRocks SQL as `release`, in `timezone`. */
export function createStarRocksEngine(release: StarRocksRelease, timezone: string): StarRocksEngine {
  return new Engine({ dialect: starRocksDialect(release), timezone, version: release.release, accessPolicy: allowAllAccess });
}

export { loadRows } from './key-model.ts';
