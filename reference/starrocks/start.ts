// Start the StarRocks nodes of the reference on real ports: BE and CN first
// (so the cluster knows their addresses for redirects and error-log URLs),
// then the FE HTTP port, then the FE query port when a MySQL-protocol server
// is plugged in (FE_QUERY_SERVER below; nothing is started or printed until then).

import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Cluster } from './cluster/cluster.ts';
import type { ClusterOptions } from './cluster/cluster.ts';
import { buildBeServer } from './be/server.ts';
import { buildCnServer } from './cn/server.ts';
import { buildFeServer } from './fe/server.ts';
import { FaultInjector } from '../http/faults/injector.ts';
import type { FaultOptions } from '../http/faults/spec.ts';

export interface StarRocksStartOptions extends ClusterOptions {
  host: string;
  fePort: number;
  feQueryPort: number;
  bePort: number;
  cnPort: number;
  /** --faults: loads on the FE and the BE answer late or are cut off (http/faults.ts). */
  faults?: FaultOptions;
}

/** The MySQL-protocol side registers its starter here (`starrocks fe query listening on mysql://…`). */
export const FE_QUERY_SERVER: { start?: (cluster: Cluster, host: string, port: number) => Promise<{ port: number; close(): Promise<void> }> } = {};

export interface RunningStarRocks {
  cluster: Cluster;
  /** name → URL, in the order `olapspec serve` prints them. */
  urls: [string, string][];
  close(): Promise<void>;
}

function advertised(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}

async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  await app.listen({ host, port });
  return (app.server.address() as AddressInfo).port;
}

export async function startStarRocks(opts: StarRocksStartOptions): Promise<RunningStarRocks> {
  const host = advertised(opts.host);
  const cluster = new Cluster({ ...opts, host });
  const apps: { close(): Promise<unknown> }[] = [];
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // One sequence of draws for the FE and the BE, apart from the ClickHouse port's.
  const faults = opts.faults ? new FaultInjector(opts.faults) : undefined;
  const withFaults = faults ? { faults } : {};
  try {
    const be = buildBeServer({ cluster, ...withFaults });
    apps.push(be);
    cluster.listening({ beHttp: await listen(be, opts.host, opts.bePort) });
    const cn = buildCnServer({ cluster });
    apps.push(cn);
    cluster.listening({ cnHttp: await listen(cn, opts.host, opts.cnPort) });
    const fe = buildFeServer({ cluster, ...withFaults });
    apps.push(fe);
    cluster.listening({ feHttp: await listen(fe, opts.host, opts.fePort) });
    const urls: [string, string][] = [['starrocks fe http', `http://${urlHost}:${cluster.leader.httpPort}`]];
    if (FE_QUERY_SERVER.start) {
      const q = await FE_QUERY_SERVER.start(cluster, opts.host, opts.feQueryPort);
      apps.push(q);
      cluster.listening({ feQuery: q.port });
      urls.push(['starrocks fe query', `mysql://${urlHost}:${q.port}`]);
    }
    urls.push(['starrocks be http', `http://${urlHost}:${cluster.backends[0]!.httpPort}`]);
    urls.push(['starrocks cn http', `http://${urlHost}:${cluster.computeNodes[0]!.httpPort}`]);
    return {
      cluster,
      urls,
      async close() {
        for (const a of apps.reverse()) await a.close();
      },
    };
  } catch (e) {
    for (const a of apps.reverse()) await a.close().catch(() => undefined);
    throw e;
  }
}
