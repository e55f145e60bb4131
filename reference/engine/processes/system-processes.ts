// system.processes: the 24.8 columns that a process of this engine can fill.
// address is the text of the IPv6 form (the engine has no IPv6 type).

import { T, arrayOf } from '../types.ts';
import type { DataType } from '../types.ts';
import type { SystemTable } from '../system-tables.ts';

const col = (name: string, type: DataType): { name: string; type: DataType } => ({ name, type });

/** `::ffff:127.0.0.1` for IPv4, as an IPv6 column prints it. */
function ipv6Text(address: string): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(address) ? `::ffff:${address}` : address;
}

export const PROCESSES_TABLE: SystemTable = {
  columns: [
    col('is_initial_query', T.UInt8), col('user', T.String), col('query_id', T.String), col('address', T.String), col('port', T.UInt16),
    col('initial_user', T.String), col('initial_query_id', T.String), col('initial_address', T.String), col('initial_port', T.UInt16),
    col('interface', T.UInt8), col('os_user', T.String), col('client_hostname', T.String), col('client_name', T.String),
    col('client_revision', T.UInt64), col('client_version_major', T.UInt64), col('client_version_minor', T.UInt64),
    col('client_version_patch', T.UInt64), col('http_method', T.UInt8), col('http_user_agent', T.String), col('http_referer', T.String),
    col('forwarded_for', T.String), col('quota_key', T.String), col('distributed_depth', T.UInt64), col('elapsed', T.Float64),
    col('is_cancelled', T.UInt8), col('is_all_data_sent', T.UInt8), col('read_rows', T.UInt64), col('read_bytes', T.UInt64),
    col('total_rows_approx', T.UInt64), col('written_rows', T.UInt64), col('written_bytes', T.UInt64), col('memory_usage', T.Int64),
    col('peak_memory_usage', T.Int64), col('query', T.String), col('normalized_query_hash', T.UInt64), col('query_kind', T.String),
    col('thread_ids', arrayOf(T.UInt64)), col('peak_threads_usage', T.UInt64), col('current_database', T.String),
  ],
  rows: ({ processes }) => (processes?.list() ?? []).map((q) => {
    const i = q.info;
    const p = i.progress;
    const address = ipv6Text(i.address);
    const memory = BigInt(p.resultBytes + p.readBytes);
    return [
      1, i.user, i.queryId, address, i.port, i.user, i.queryId, address, i.port, 2, '', '', '', 0n, 0n, 0n, 0n, 0, '', '', '',
      i.quotaKey, 0n, q.elapsed(), q.isCancelled ? 1 : 0, 0, BigInt(p.readRows), BigInt(p.readBytes), BigInt(p.totalRowsToRead),
      BigInt(p.writtenRows), BigInt(p.writtenBytes), memory, memory, i.query, 0n, i.kind, [], 1n, i.database,
    ];
  }),
};
