// Session and global variables a StarRocks FE answers for `SELECT @@x`,
// `SHOW VARIABLES` and `SET x = v` (qe/SessionVariable.java,
// qe/GlobalVariable.java). Drivers read several on connect
// (version_comment, transaction_isolation, autocommit, sql_mode...).

import { codedError } from './errors.ts';

export interface StarRocksRelease {
  /** `3.3.0-olapspec`: current_version() and version_comment start with it. */
  release: string;
  /** The short git hash StarRocks appends. */
  commit: string;
}

/** Defaults; numbers are BIGINT values, strings VARCHAR. */
export function defaultVariables(r: StarRocksRelease, timezone: string): Map<string, string | bigint> {
  return new Map<string, string | bigint>([
    ['auto_increment_increment', 1n],
    ['autocommit', 1n],
    ['character_set_client', 'utf8'],
    ['character_set_connection', 'utf8'],
    ['character_set_database', 'utf8'],
    ['character_set_results', 'utf8'],
    ['character_set_server', 'utf8'],
    ['collation_connection', 'utf8_general_ci'],
    ['collation_database', 'utf8_general_ci'],
    ['collation_server', 'utf8_general_ci'],
    ['enable_insert_strict', 'true'],
    ['enable_profile', 'false'],
    ['event_scheduler', 'OFF'],
    ['exec_mem_limit', 2147483648n],
    ['group_concat_max_len', 65535n],
    ['init_connect', ''],
    ['interactive_timeout', 3600n],
    ['language', '/starrocks/share/english/'],
    ['license', 'Apache License 2.0'],
    ['lower_case_table_names', 0n],
    ['max_allowed_packet', 33554432n],
    ['net_buffer_length', 16384n],
    ['net_read_timeout', 60n],
    ['net_write_timeout', 60n],
    ['performance_schema', 'false'],
    ['query_cache_size', 1048576n],
    ['query_cache_type', 0n],
    ['query_timeout', 300n],
    ['sql_mode', 'ONLY_FULL_GROUP_BY'],
    ['sql_safe_updates', 0n],
    ['sql_select_limit', 9223372036854775807n],
    ['system_time_zone', timezone],
    ['time_zone', timezone],
    ['transaction_isolation', 'REPEATABLE-READ'],
    ['transaction_read_only', 'false'],
    ['tx_isolation', 'REPEATABLE-READ'],
    ['tx_read_only', 'false'],
    ['version', '5.1.0'],
    ['version_comment', `${r.release}-${r.commit}`],
    ['wait_timeout', 28800n],
  ]);
}

/** ERR_UNKNOWN_SYSTEM_VARIABLE (1193), naming the three closest variables as StarRocks does. */
export function unknownVariable(name: string, known: Iterable<string>): Error {
  const similar = [...known].map((k) => [k, distance(name, k)] as const).sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([k]) => `'${k}'`);
  return codedError('UNKNOWN_SETTING', 1193, 'HY000', `Unknown system variable '${name}', the most similar variables are {${similar.join(', ')}}`);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}
