// `--target starrocks=http://fe:8030`: a StarRocks cluster that is already
// running. The suite talks to its FE over HTTP and over the MySQL protocol
// (query port from --query-port, 9030 by default) and finds the BEs and CNs
// through the FE; nothing is started or stopped.

import { DEFAULT_QUERY_PORT, DEFAULT_STARROCKS_USER, type StarRocksEndpoints } from './starrocks_endpoints.ts';
import type { RunningTarget, TargetOptions } from './target.ts';

export const DEFAULT_FE_URL = 'http://127.0.0.1:8030';

export function starrocksEndpoints(feUrl: string, options: TargetOptions = {}): StarRocksEndpoints {
  const url = new URL(feUrl);
  if (url.protocol !== 'http:') throw new Error(`a StarRocks FE is reached over http://, not '${feUrl}'`);
  // Credentials in the URL are a convenience; --user/--password win.
  const user = options.user ?? (url.username ? decodeURIComponent(url.username) : DEFAULT_STARROCKS_USER);
  const password = options.password ?? decodeURIComponent(url.password);
  return {
    fe: url.origin,
    queryHost: url.hostname.replace(/^\[|\]$/g, ''),
    queryPort: options.queryPort ?? DEFAULT_QUERY_PORT,
    user,
    password,
  };
}

export function startStarRocks(feUrl: string | undefined, options: TargetOptions = {}): RunningTarget {
  const starrocks = starrocksEndpoints(feUrl || DEFAULT_FE_URL, options);
  // No ClickHouse here: `url` stays empty and @clickhouse scenarios are skipped.
  return { name: `starrocks ${starrocks.fe}`, url: '', user: starrocks.user, password: starrocks.password, starrocks, stop: async () => {} };
}
