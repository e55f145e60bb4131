// What a run learns about a StarRocks target before the scenarios start: that
// the FE answers, and its version as `SELECT current_version()` reports it.

import { sendHttp } from '../support/http.ts';
import { connectMySql, queryRows } from '../starrocks/support/mysql.ts';
import type { StarRocksEndpoints, StarRocksInfo } from './starrocks_endpoints.ts';

export interface StarRocksDescription {
  info: StarRocksInfo;
  /** Why the version could not be read, when it could not; the scenarios then show what fails. */
  warning?: string;
}

export async function describeStarRocks(endpoints: StarRocksEndpoints): Promise<StarRocksDescription> {
  const health = await sendHttp(endpoints.fe, { method: 'GET', path: '/api/health' }).catch((err: Error) => err);
  if (health instanceof Error) throw new Error(`the StarRocks FE at ${endpoints.fe} does not answer: ${health.message}`);
  try {
    const connection = await connectMySql(endpoints);
    try {
      const { rows } = await queryRows(connection, 'SELECT current_version()');
      return { info: { ...endpoints, version: rows[0]?.[0] ?? 'unknown' } };
    } finally {
      await connection.end().catch(() => {});
    }
  } catch (err) {
    return {
      info: { ...endpoints, version: 'unknown' },
      warning: `no StarRocks version from mysql://${endpoints.queryHost}:${endpoints.queryPort}: ${(err as Error).message}`,
    };
  }
}
