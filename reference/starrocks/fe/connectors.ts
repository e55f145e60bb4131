// External-connector endpoints (catalog §4.5): _count, _schema, _query_plan.
// The HTTP status mirrors the body's `status`.

import { javaHashMap } from '../envelopes.ts';
import { tableRowCount } from '../../engine/catalog.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import type { TableMeta } from '../cluster/tables.ts';
import { tabletVersion } from '../cluster/tables.ts';
import type { SrStatement } from '../dialect/ast.ts';
import { DdlError, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';
import { feJson } from './action.ts';
import type { StarRocksUser } from '../users.ts';
import { primitiveTypeName } from '../dialect/types.ts';

class ConnectorError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Jackson's ObjectMapper over a HashMap (no HTML escaping, unlike Gson); the HTTP status mirrors `status`. */
function reply(x: Exchange, status: number, entries: Record<string, unknown>, capacity: number): void {
  feJson(x, JSON.stringify(javaHashMap({ ...entries, status }, capacity)), { status });
}

function fail(x: Exchange, e: unknown, capacity: number): void {
  if (e instanceof ConnectorError) return reply(x, e.status, { exception: e.message }, capacity);
  throw e;
}

export function registerConnectors(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  const resolve = (x: Exchange, user: StarRocksUser | undefined, emptyMsg: string): TableMeta => {
    const db = x.param('db');
    const tbl = x.param('table');
    if (!db || !tbl) throw new ConnectorError(400, emptyMsg);
    if (!c.hasDatabase(db)) throw new ConnectorError(404, `Database [${db}] does not exists`);
    if (!c.tables.engineTable(db, tbl)) throw new ConnectorError(404, `Table [${tbl}] does not exists`);
    if (user && !c.users.can(user, 'SELECT', db, tbl)) throw new ConnectorError(403, `Access denied; you need (at least one of) the SELECT privilege(s) on TABLE ${tbl} for this operation.`);
    const meta = c.tables.find(db, tbl);
    // Views (and every other non-OLAP table) are refused.
    if (!meta) throw new ConnectorError(403, `Table [${tbl}] is not a OlapTable, only support OlapTable currently`);
    return meta;
  };
  router.add('GET', '/api/{db}/{table}/_count', restAction(deps, 'basic', (x, user) => {
    try {
      const meta = resolve(x, user, '{database}/{table} must be selected');
      const table = c.engine.catalog.findTable(meta.db, meta.name);
      reply(x, 200, { size: table ? tableRowCount(table) : 0 }, 4);
    } catch (e) {
      fail(x, e, 4);
    }
  }));
  router.add('GET', '/api/{db}/{table}/_schema', restAction(deps, 'basic', (x, user) => {
    try {
      const meta = resolve(x, user, 'No database or table selected.');
      // TableSchemaAction puts precision and scale (decimals), then type, comment, name into a HashMap(2).
      const properties = meta.columns.map((col) => {
        const entry: Record<string, unknown> = {};
        if (col.srType.base === 'DECIMAL') {
          entry.precision = String(col.srType.precision);
          entry.scale = String(col.srType.scale);
        }
        entry.type = primitiveTypeName(col.srType);
        entry.comment = col.comment;
        entry.name = col.name;
        return javaHashMap(entry, 2);
      });
      reply(x, 200, { properties }, 2);
    } catch (e) {
      fail(x, e, 2);
    }
  }));
  const queryPlan = restAction(deps, 'basic', async (x, user) => {
    // BaseRequest.getContent runs before the try: only POST bodies are aggregated into a
    // FullHttpRequest (StarRocksHttpPostObjectAggregator), so a GET is a DdlException.
    if (x.method !== 'POST') throw new DdlError('Invalid request');
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
      let st: SrStatement | undefined;
      try {
        st = c.engine.parse(sql).statement;
      } catch {
        throw new ConnectorError(500, 'The Sql is invalid');
      }
      if (st?.kind !== 'select') throw new ConnectorError(400, `Select statement needed, but found [${sql} ]`);
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
