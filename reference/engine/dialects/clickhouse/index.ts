// The ClickHouse dialect: ClickHouse SQL parsed into the engine's own
// statements (parser/), run by their interpreters (interpreters/), in the
// process list and under quotas, with role-based access control.

import { Engine } from '../../index.ts';
import type { EngineOptions } from '../../index.ts';
import type { Statement } from '../../parser/ast.ts';
import type { EngineDialect } from '../../dialect.ts';
import { INTERPRETERS } from '../../interpreters/index.ts';
import { insertDestination } from '../../interpreters/insert.ts';
import { ignoresQuota } from '../../access/quota-exempt.ts';
import { roleBasedAccess } from '../../access/policy.ts';
import { substituteParameters } from '../../params/substitute.ts';
import { parseClickHouse } from './parse.ts';
import { CLICKHOUSE_STORAGE } from './storage.ts';

export interface ClickHouseDialectOptions {
  /**
   * Placeholders of a query sent without any parameter values are substituted
   * all the same ("Substitution `x` is not set") instead of being left to the
   * analyzer ("Query parameter `x` was not set"). Default true.
   */
  placeholdersWithoutParameters?: boolean;
}

/** Databases a fresh ClickHouse server has. */
export const CLICKHOUSE_DATABASES = ['system', 'default', 'INFORMATION_SCHEMA', 'information_schema'];

export function clickHouseDialect(opts: ClickHouseDialectOptions = {}): EngineDialect<Statement> {
  const analyzerWhenEmpty = !(opts.placeholdersWithoutParameters ?? true);
  return {
    name: 'clickhouse',
    builtinDatabases: CLICKHOUSE_DATABASES,
    tracksQueries: true,
    parse: (sql, o) => parseClickHouse(sql, o.maxQuerySize ?? 262144),
    interpreters: INTERPRETERS,
    bindParameters: (st, ctx, engine) => substituteParameters(st, ctx.queryParameters, engine.sessionTimezone(ctx), analyzerWhenEmpty),
    ignoresQuota,
    insertDestination,
    storage: CLICKHOUSE_STORAGE,
  };
}

export type ClickHouseEngine = Engine<EngineDialect<Statement>>;

export type ClickHouseEngineOptions = Omit<EngineOptions, 'dialect' | 'accessPolicy'> & ClickHouseDialectOptions;

/** An engine speaking ClickHouse SQL as `version` (default 26.7's). */
export function createClickHouseEngine(opts: ClickHouseEngineOptions = {}): ClickHouseEngine {
  const { placeholdersWithoutParameters, ...rest } = opts;
  return new Engine({
    version: '26.7.2.1',
    ...rest,
    dialect: clickHouseDialect(placeholdersWithoutParameters === undefined ? {} : { placeholdersWithoutParameters }),
    accessPolicy: roleBasedAccess,
  });
}
