// Starts the bundled reference servers: ClickHouse's HTTP port (and HTTPS
// when the config names a certificate and a key), then a StarRocks cluster:
// FE HTTP and MySQL query ports, one BE and one CN, with users from the
// config's <starrocks> section.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './clickhouse/config.ts';
import { compatFor } from './clickhouse/compat.ts';
import { buildClickHouseServer, createClickHouseState } from './clickhouse/server.ts';
import type { FaultOptions } from './http/faults/spec.ts';
import { startStarRocks } from './starrocks/start.ts';
import type { RunningStarRocks } from './starrocks/start.ts';
import { starRocksUsersFromConfig } from './starrocks/config.ts';
// Registers the FE query port (MySQL protocol) with startStarRocks.
import './starrocks/mysql/plug.ts';

export const DEFAULT_CLICKHOUSE_HTTP_PORT = 8123;
export const DEFAULT_CLICKHOUSE_HTTPS_PORT = 8443;

export interface ReferenceOptions {
  host: string;
  /** An explicit port (0 = any free one); undefined: <http_port> of the config, else 8123. */
  clickhousePort?: number | undefined;
  /** undefined: <https_port> of the config, else 8443 (only when the config names a certificate). */
  clickhouseHttpsPort?: number | undefined;
  fePort: number;
  feQueryPort: number;
  bePort: number;
  cnPort: number;
  /** A ClickHouse-style config.xml / config.yaml. */
  config?: string;
  /** The ClickHouse release line to behave as (compat.ts): 26.7 by default, or 24.8. */
  clickhouseVersion?: string;
  /** --faults: slow, dropped and failing answers for client authors (README, "Faults for client authors"). */
  faults?: FaultOptions;
  /** Keep what the servers store across restarts: DIR/clickhouse and DIR/starrocks (engine/storage/). */
  dataDir?: string;
}

export interface RunningReference {
  urls: Record<string, string>;
  close(): Promise<void>;
}

function urlFor(scheme: string, host: string, address: AddressInfo): string {
  const h = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${scheme}://${host === '0.0.0.0' || host === '::' ? h : host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export async function startReference(opts: ReferenceOptions): Promise<RunningReference> {
  const config = opts.config ? loadConfig(opts.config) : {};
  const state = createClickHouseState({ config, compat: compatFor(opts.clickhouseVersion),
    ...(opts.faults ? { faults: opts.faults } : {}),
    ...(opts.dataDir !== undefined ? { dataDir: join(opts.dataDir, 'clickhouse') } : {}) });
  const clickhouse = buildClickHouseServer({ config, state });
  const servers = [clickhouse];
  const urls: Record<string, string> = {};
  let starrocks: RunningStarRocks | undefined;
  try {
    await clickhouse.listen({ host: opts.host, port: opts.clickhousePort ?? config.httpPort ?? DEFAULT_CLICKHOUSE_HTTP_PORT });
    urls['clickhouse http'] = urlFor('http', opts.host, clickhouse.server.address() as AddressInfo);
    // ClickHouse opens https_port when it is configured; a certificate and key are needed for it.
    const wantsHttps = opts.clickhouseHttpsPort !== undefined || config.httpsPort !== undefined;
    if (wantsHttps && config.certificateFile && config.privateKeyFile) {
      const tls = { cert: readFileSync(config.certificateFile), key: readFileSync(config.privateKeyFile) };
      const secure = buildClickHouseServer({ config, state, tls });
      servers.push(secure);
      await secure.listen({ host: opts.host, port: opts.clickhouseHttpsPort ?? config.httpsPort ?? DEFAULT_CLICKHOUSE_HTTPS_PORT });
      urls['clickhouse https'] = urlFor('https', opts.host, secure.server.address() as AddressInfo);
    } else if (wantsHttps) {
      throw new Error('https_port is set, but the config names no <openSSL><server><certificateFile> and <privateKeyFile>');
    }
    // StarRocks FE HTTP, (FE query when the MySQL side is plugged in), BE, CN: one line each.
    const starrocksUsers = opts.config ? starRocksUsersFromConfig(opts.config) : undefined;
    starrocks = await startStarRocks({ host: opts.host, fePort: opts.fePort, feQueryPort: opts.feQueryPort, bePort: opts.bePort, cnPort: opts.cnPort,
      ...(starrocksUsers ? { users: starrocksUsers } : {}), ...(opts.faults ? { faults: opts.faults } : {}),
      ...(opts.dataDir !== undefined ? { dataDir: join(opts.dataDir, 'starrocks') } : {}) });
    for (const [name, url] of starrocks.urls) urls[name] = url;
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    await starrocks?.close();
    throw err;
  }
  return {
    urls,
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await starrocks?.close();
      state.sessions.closeAll();
    },
  };
}
