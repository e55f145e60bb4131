// What every kind of target hands to the suite: where to send requests, as whom,
// and how to take the target down again when the run is over.

export interface RunningTarget {
  /** A short name for reports: `reference`, `clickhouse-binary`, or the URL. */
  name: string;
  /** Base URL of the ClickHouse HTTP interface, without a trailing slash. */
  url: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

export interface TargetOptions {
  user?: string;
  password?: string;
  /** Where a started server's own output goes (defaults to being discarded). */
  log?: (line: string) => void;
}
