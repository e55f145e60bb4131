// Where a StarRocks cluster answers: the FE's HTTP port and MySQL query port,
// and, when known up front, one BE and one CN. A real cluster names its BEs and
// CNs itself (SHOW BACKENDS / SHOW COMPUTE NODES), so those may be found later.

export interface StarRocksEndpoints {
  /** The FE HTTP base URL, e.g. `http://fe:8030`, without a trailing slash. */
  fe: string;
  /** Host and port of the FE's MySQL protocol (query port, 9030 by default). */
  queryHost: string;
  queryPort: number;
  /** A BE HTTP base URL, when the target knows it without asking the FE. */
  be?: string;
  /** A CN HTTP base URL, when the target knows it without asking the FE. */
  cn?: string;
  user: string;
  password: string;
}

/** What a run knows about the StarRocks side of its target. */
export interface StarRocksInfo extends StarRocksEndpoints {
  /** As `SELECT current_version()` answered, or `unknown` when the query port did not answer. */
  version: string;
}

export const DEFAULT_QUERY_PORT = 9030;
export const DEFAULT_STARROCKS_USER = 'root';
