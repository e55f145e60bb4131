// What every kind of target hands to the suite: where to send requests, as whom,
// and how to take the target down again when the run is over.

import type { StarRocksEndpoints } from './starrocks_endpoints.ts';

export interface RunningTarget {
  /** A short name for reports: `reference`, `clickhouse-binary`, or the URL. */
  name: string;
  /** Base URL of the ClickHouse HTTP interface, without a trailing slash; '' for a target without ClickHouse. */
  url: string;
  /** Base URL of its HTTPS port, when it has one. */
  httpsUrl?: string;
  user: string;
  password: string;
  /**
   * What kind of real server this is, naming its expectation file with the
   * version (expectations/<host>-<major.minor>.yaml): `clickhouse-server`, `clickhouse-chdb`.
   */
  host?: string;
  /** The StarRocks cluster the target serves, if any (its own user and password inside). */
  starrocks?: StarRocksEndpoints;
  stop(): Promise<void>;
  /** The server's process id, when the suite started it as a process of this machine (benchmarks read its memory). */
  pid?(): number | undefined;
  /** Why the target's server process is gone, when the suite started it and it died; undefined while it lives. */
  death?(): string | undefined;
  /** Starts a dead server again on the same ports and configuration. */
  restart?(): Promise<void>;
}

/** A target that cannot be had on this machine (no Docker, no image, no library): said in one line, no stack. */
export class TargetUnavailable extends Error {}

export interface TargetOptions {
  user?: string;
  password?: string;
  /** The StarRocks FE's MySQL query port (default 9030). */
  queryPort?: number;
  /** Where a started server's own output goes (defaults to being discarded). */
  log?: (line: string) => void;
  /** A file of config/variants/ (without .xml) to start the server with, as an override in config.d/. */
  configVariant?: string;
}
