// The server the official-client workflows talk to: the reference by default,
// started as its own process (olapspec serve), or whatever OLAPSPEC_CLIENT_TARGET
// names (`clickhouse-chdb` for a real ClickHouse 26.7, a URL, …), so the same
// workflow proves itself against the real server.

import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';

export const CLIENT_TARGET = process.env.OLAPSPEC_CLIENT_TARGET ?? 'reference';

export function startClientTarget(): Promise<RunningTarget> {
  return startTarget(CLIENT_TARGET);
}
