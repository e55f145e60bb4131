// A cluster with FE/BE/CN apps over one engine, and tables created through
// the engine's catalog (until the MySQL-protocol side exists).

import { Cluster } from '../../reference/starrocks/cluster/cluster.ts';
import type { ClusterOptions } from '../../reference/starrocks/cluster/cluster.ts';
import type { TableSpec } from '../../reference/starrocks/cluster/tables.ts';
import { engineContext } from '../../reference/starrocks/cluster/storage.ts';
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

/** CREATE DATABASE/TABLE through the engine, then the StarRocks metadata. */
export async function createTable(cluster: Cluster, ddl: { db: string; name: string; columns: string; spec?: Omit<TableSpec, 'db' | 'name'> }): Promise<void> {
  const e = cluster.engine;
  if (!e.catalog.databases.has(ddl.db)) await e.execute(e.parse(`CREATE DATABASE ${ddl.db}`), engineContext('default'));
  await e.execute(e.parse(`CREATE TABLE ${ddl.db}.${ddl.name} (${ddl.columns}) ENGINE = Memory`), engineContext(ddl.db));
  cluster.tables.register({ db: ddl.db, name: ddl.name, ...(ddl.spec ?? {}) });
}

export async function rows(cluster: Cluster, sql: string): Promise<unknown[][]> {
  const e = cluster.engine;
  const r = await e.execute(e.parse(sql), engineContext('default'));
  const out: unknown[][] = [];
  if (r.kind === 'rows') for await (const b of r.blocks) out.push(...b.rows);
  return out;
}
