// A cluster with FE/BE/CN apps over one engine, and tables created with
// StarRocks DDL, as the MySQL-protocol side creates them.

import { Cluster } from '../../reference/starrocks/cluster/cluster.ts';
import type { ClusterOptions } from '../../reference/starrocks/cluster/cluster.ts';
import { Settings } from '../../reference/engine/index.ts';
import { buildFeServer } from '../../reference/starrocks/fe/server.ts';
import { buildBeServer } from '../../reference/starrocks/be/server.ts';
import { buildCnServer } from '../../reference/starrocks/cn/server.ts';

export const ROOT = `Basic ${Buffer.from('root:').toString('base64')}`;

export function basic(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function setup(opts: ClusterOptions = {}) {
  let clock = 1_700_000_000_000;
  const cluster = new Cluster({ now: () => clock, ...opts });
  return {
    cluster,
    fe: buildFeServer({ cluster }),
    be: buildBeServer({ cluster }),
    cn: buildCnServer({ cluster }),
    advance(ms: number) {
      clock += ms;
    },
  };
}

export function engineContext(database: string) {
  return {
    database, user: 'root', queryId: 'test', settings: new Settings(), readonly: 0,
    progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
  };
}

/** A StarRocks statement, as the FE's query port runs it. */
export async function sql(cluster: Cluster, statement: string, database = ''): Promise<void> {
  const e = cluster.engine;
  await e.execute(e.parse(statement), engineContext(database));
}

/** CREATE DATABASE (when new) and a CREATE TABLE in StarRocks syntax for `db.name`. */
export async function createTable(cluster: Cluster, ddl: string): Promise<void> {
  const db = /CREATE\s+TABLE\s+(\w+)\./i.exec(ddl)![1]!;
  if (!cluster.engine.catalog.databases.has(db)) await sql(cluster, `CREATE DATABASE ${db}`);
  await sql(cluster, ddl);
}

export async function rows(cluster: Cluster, sql: string): Promise<unknown[][]> {
  const e = cluster.engine;
  const r = await e.execute(e.parse(sql), { ...engineContext('default'), user: 'default' });
  const out: unknown[][] = [];
  if (r.kind === 'rows') for await (const b of r.blocks) out.push(...b.rows);
  return out;
}
