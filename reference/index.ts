// Starts the bundled reference servers. In this issue only ClickHouse's HTTP
// port answers; the StarRocks ports are accepted and come with their issue.

import type { AddressInfo } from 'node:net';
import { loadConfig } from './clickhouse/config.ts';
import { buildClickHouseServer } from './clickhouse/server.ts';

export interface ReferenceOptions {
  host: string;
  clickhousePort: number;
  fePort: number;
  feQueryPort: number;
  bePort: number;
  cnPort: number;
  /** A ClickHouse-style config.xml / config.yaml. */
  config?: string;
}

export interface RunningReference {
  urls: Record<string, string>;
  close(): Promise<void>;
}

function urlFor(host: string, address: AddressInfo): string {
  const h = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' || host === '::' ? h : host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export async function startReference(opts: ReferenceOptions): Promise<RunningReference> {
  const config = opts.config ? loadConfig(opts.config) : {};
  const clickhouse = buildClickHouseServer({ config });
  await clickhouse.listen({ host: opts.host, port: opts.clickhousePort });
  const address = clickhouse.server.address() as AddressInfo;
  return {
    urls: { 'clickhouse http': urlFor(opts.host, address) },
    async close() {
      await clickhouse.close();
    },
  };
}
