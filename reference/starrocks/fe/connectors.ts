// External-connector endpoints (catalog §4.5): _count, _schema, _query_plan.
// The HTTP status mirrors the body's `status`.

import { gson, javaHashMap } from '../envelopes.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import type { TableMeta } from '../cluster/tables.ts';
import { tabletVersion } from '../cluster/tables.ts';
import { parseStatement } from '../../engine/parser/parser.ts';
import { restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';
import { feJson } from './action.ts';
import type { StarRocksUser } from '../users.ts';

class ConnectorError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function reply(x: Exchange, status: number, entries: Record<string, unknown>, capacity: number): void {
  feJson(x, gson(javaHashMap({ ...entries, status }, capacity)), { status });
}

function fail(x: Exchange, e: unknown, capacity: number): void {
  if (e instanceof ConnectorError) return reply(x, e.status, { exception: e.message }, capacity);
  throw e;
}

/** PrimitiveType name of a StarRocks column type text. */
function primitive(type: string): { name: string; precision?: string; scale?: string } {
  const m = /^(\w+)(?:\((\d+)(?:,\s*(\d+))?\))?/.exec(type.trim().toUpperCase());
  const base = m?.[1] ?? 'VARCHAR';
  if (base === 'DECIMAL' || base.startsWith('DECIMAL')) {
    const p = Number(m?.[2] ?? 10);
    const name = p <= 9 ? 'DECIMAL32' : p <= 18 ? 'DECIMAL64' : 'DECIMAL128';
    return { name, precision: String(p), scale: m?.[3] ?? '0' };
  }
  if (base === 'STRING') return { name: 'VARCHAR' };
  return { name: base };
}

export function registerConnectors(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  const resolve = (x: Exchange, user: StarRocksUser | undefined, emptyMsg: string): TableMeta => {
    const db = x.param('db');
    const tbl = x.param('table');
    if (!db || !tbl) throw new ConnectorError(400, emptyMsg);
    if (!c.hasDatabase(db)) throw new ConnectorError(404, `Database [${db}] does not exists`);
    const meta = c.tables.find(db, tbl);
    if (!meta) throw new ConnectorError(404, `Table [${tbl}] does not exists`);
    if (user && !c.users.can(user, 'SELECT', db, tbl)) throw new ConnectorError(403, `Access denied; you need (at least one of) the SELECT privilege(s) on TABLE ${tbl} for this operation.`);
    return meta;
  };
  router.add('GET', '/api/{db}/{table}/_count', restAction(deps, 'basic', (x, user) => {
    try {
      const meta = resolve(x, user, '{database}/{table} must be selected');
      reply(x, 200, { size: c.engine.catalog.findTable(meta.db, meta.name)?.rows.length ?? 0 }, 4);
    } catch (e) {
      fail(x, e, 4);
    }
  }));
  router.add('GET', '/api/{db}/{table}/_schema', restAction(deps, 'basic', (x, user) => {
    try {
      const meta = resolve(x, user, 'No database or table selected.');
      const properties = meta.columns.map((col) => {
        const t = primitive(col.type);
        const entry: Record<string, unknown> = { name: col.name, type: t.name, comment: col.comment ?? '' };
        if (t.precision !== undefined) {
          entry.precision = t.precision;
          entry.scale = t.scale;
        }
        return javaHashMap(entry, 2);
      });
      reply(x, 200, { properties }, 2);
    } catch (e) {
      fail(x, e, 2);
    }
  }));
  const queryPlan = restAction(deps, 'basic', async (x, user) => {
    try {
      const meta = resolve(x, user, '{database}/{table} must be selected');
      const text = (await x.body()).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ConnectorError(400, `malformed json [ ${text} ]`);
      }
      const sql = (body as { sql?: unknown } | null)?.sql;
      if (typeof sql !== 'string') throw new ConnectorError(400, 'POST body must contains [sql] root object');
      let st;
      try {
        st = parseStatement(sql).statement;
      } catch {
        throw new ConnectorError(500, 'The Sql is invalid');
      }
      if (st.kind !== 'select') throw new ConnectorError(400, `Select statement needed, but found [${sql} ]`);
      const from = /\bfrom\s+`?([\w]+)`?\s*\.\s*`?([\w]+)`?/i.exec(sql);
      if (!from || /\bjoin\b/i.test(sql) || st.query.parts.length !== 1) throw new ConnectorError(400, `only support single table filter-prune-scan, but found [ ${sql}]`);
      if (from[1] !== meta.db || from[2] !== meta.name) {
        throw new ConnectorError(400, `requested database and table must consistent with sql: request [ ${meta.db}.${meta.name}]and sql [${sql}]`);
      }
      const be = c.backends[0]!;
      const partitions: Record<string, unknown> = {};
      for (const p of meta.partitions) for (const t of p.tablets) {
        partitions[String(t.id)] = { routings: [`${be.host}:${be.bePort}`], version: tabletVersion(t), schemaHash: t.schemaHash };
      }
      const plan = Buffer.from(JSON.stringify({ sql, db: meta.db, table: meta.name, tableId: meta.id, tablets: Object.keys(partitions) })).toString('base64');
      reply(x, 200, { partitions, opaqued_query_plan: plan }, 16);
    } catch (e) {
      fail(x, e, 16);
    }
  });
  router.add(['GET', 'POST'], '/api/{db}/{table}/_query_plan', queryPlan);
}
