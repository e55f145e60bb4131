// Small helpers to run SQL against an Engine in tests.
import { Settings } from '../../reference/engine/index.ts';
import { createClickHouseEngine } from '../../reference/engine/dialects/clickhouse/index.ts';
import type { ClickHouseEngine } from '../../reference/engine/dialects/clickhouse/index.ts';
import type { QueryContext } from '../../reference/engine/api.ts';

type Engine = ClickHouseEngine;

export function context(overrides: Partial<QueryContext> = {}): QueryContext {
  return {
    database: 'default',
    user: 'default',
    queryId: 'test',
    settings: new Settings(),
    readonly: 0,
    progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
    ...overrides,
  };
}

/** Run one statement; INSERT with inline Values data goes through parseValues + insert. */
export async function run(engine: Engine, sql: string, ctx: QueryContext = context()): Promise<{ columns: { name: string; type: string }[]; rows: unknown[][] }> {
  const q = engine.parse(sql);
  for (const [k, v] of q.settings) ctx.settings.set(k, v);
  if (q.insertData) {
    const target = engine.insertTarget(q, ctx);
    const rows = engine.parseValues(sql.slice(q.insertData.offset), target, ctx);
    await engine.insert(q, rows, ctx);
    return { columns: [], rows: [] };
  }
  const r = await engine.execute(q, ctx);
  if (r.kind === 'none') return { columns: [], rows: [] };
  const rows: unknown[][] = [];
  for await (const b of r.blocks) rows.push(...b.rows);
  return { columns: r.columns.map((c) => ({ name: c.name, type: c.type.name })), rows };
}

export async function value(engine: Engine, sql: string, ctx?: QueryContext): Promise<unknown> {
  return (await run(engine, sql, ctx)).rows[0]?.[0];
}

export { createClickHouseEngine, Settings };
export type { Engine };
