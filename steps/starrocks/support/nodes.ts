// Which BEs and CNs a StarRocks cluster has, as HTTP base URLs. The reference
// names them when it starts; a real cluster is asked over the MySQL protocol
// (SHOW BACKENDS / SHOW COMPUTE NODES: the IP and HttpPort columns).

import type { StarRocksInfo } from '../../targets/starrocks_endpoints.ts';
import { connectMySql, queryRows } from './mysql.ts';

export type NodeKind = 'FE' | 'BE' | 'CN';

const known = new Map<string, Promise<string[]>>();

async function listNodes(info: StarRocksInfo, statement: string): Promise<string[]> {
  const connection = await connectMySql(info);
  try {
    const { columns, rows } = await queryRows(connection, statement);
    const ip = columns.findIndex((name) => /^(ip|host)$/i.test(name));
    const port = columns.findIndex((name) => /^httpport$/i.test(name));
    if (ip < 0 || port < 0) throw new Error(`${statement} has no IP/HttpPort columns: ${columns.join(', ')}`);
    return rows.map((row) => `http://${row[ip]!.includes(':') ? `[${row[ip]}]` : row[ip]}:${row[port]}`);
  } finally {
    await connection.end().catch(() => {});
  }
}

/** Every HTTP base URL of the cluster's nodes of one kind (one run asks once). */
export function nodeUrls(info: StarRocksInfo, kind: NodeKind): Promise<string[]> {
  if (kind === 'FE') return Promise.resolve([info.fe]);
  const given = kind === 'BE' ? info.be : info.cn;
  if (given) return Promise.resolve([given]);
  const key = `${info.fe} ${kind}`;
  let urls = known.get(key);
  if (!urls) {
    urls = listNodes(info, kind === 'BE' ? 'SHOW BACKENDS' : 'SHOW COMPUTE NODES');
    known.set(key, urls);
    urls.catch(() => known.delete(key));
  }
  return urls;
}

/** `host:port` of a base URL, as it appears in a Location header or an ErrorURL. */
export function hostPort(url: string): string {
  return new URL(url).host;
}
