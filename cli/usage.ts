export const USAGE = `olapspec — conformance suite and reference servers for OLAP HTTP interfaces

Usage:
  olapspec serve [--host 127.0.0.1] [--clickhouse-port 8123] [--fe-port 8030]
                 [--fe-query-port 9030] [--be-port 8040] [--cn-port 8060] [--config FILE]
                 [--clickhouse-version 26.7|24.8] [--faults SPEC|on]
                 [--data-dir DIR]
      Start the reference servers; runs until SIGINT or SIGTERM. ClickHouse
      behaves as 26.7, or as 24.8 LTS with --clickhouse-version 24.8.
      --faults   answer queries and stream loads slowly, cut off or failing, for
                 testing clients' retries: e.g. "delay=200ms,chunk-delay=10ms,
                 drop-after-bytes=65536,error-after-rows=1000,error=memory,
                 probability=0.1,seed=7"; "on": none, but requests may ask for
                 faults with an X-Olapspec-Fault header (honoured only then)
      --data-dir keep databases and tables in DIR across restarts (ClickHouse:
                 definitions, rows of MergeTree and Log tables; StarRocks: all);
                 each change is on disk before it is answered. Default: memory only

  olapspec run [--target T] [--tags EXPR] [--report DIR] [--user U] [--password P]
               [--query-port 9030]
      Run the features against a target and exit non-zero if a scenario fails.
      --target   reference (default): start the bundled servers on free ports
                 reference=24.8: the same, with ClickHouse behaving as 24.8
                 clickhouse-binary[=PATH]: start a real clickhouse-server
                   (default: clickhouse-server on PATH, or /usr/sbin)
                 clickhouse-chdb[=PATH]: ClickHouse 26.7 hosted from libchdb
                   (default: the optional npm package @chdb/lib-linux-x64-gnu)
                 http://host:8123: a server that is already running
                 starrocks[=http://fe:8030]: a running StarRocks cluster (FE HTTP
                   URL; BEs and CNs are found through the FE); runs @starrocks only
      --tags     a cucumber tag expression, e.g. "@doc:compression and not @since:24.3"
      --report   where to write junit.xml, report.html, messages.ndjson and
                 results.json (default: reports/<target>/)
      --user, --password   credentials for the target (default: default, empty;
                 root, empty for starrocks)
      --query-port   the StarRocks FE's MySQL port (default 9030)

  olapspec matrix [--report DIR]
      Put the runs recorded under DIR (default: reports/) side by side, one column
      per target and version: writes DIR/matrix.html (a dashboard: pass rates per
      target and section, filters, failure messages), DIR/matrix.md and DIR/matrix.json.

  olapspec compare --target A --target B [...] [--tags EXPR] [--report DIR]
      Run the features on each target in turn, each into DIR/<target>/ (default
      DIR: reports/), then write the matrix of DIR. Exits non-zero if any run
      failed or could not start; the matrix is written either way.

  olapspec images build [--only NAME] [--force yes] | images list
      Build, without a registry, the local images the container targets run, with
      the Docker at DOCKER_HOST (as root: debootstrap and chroot):
      olapspec/clickhouse-server:18.16 (Debian's package) and olapspec/clickhouse:26.7
      (libchdb). Each is built once and again only when its inputs change.

  olapspec diff [--target A --target B] [--cases 600] [--seed 1] [--only CATEGORY]
               [--show 3] [--json FILE] [--baseline FILE [--update-baseline yes]]
      Send the same seeded cases (scalar, numbers, formats, tables, http, errors) to
      two targets (default: reference and clickhouse-chdb), compare status, key
      headers and body bytes, and print the agreement per category with mismatches.
      With --baseline, exit non-zero when a category agrees less than the file says.

  olapspec truth [--report DIR]
      Check that every ClickHouse scenario of the latest real ClickHouse 26.7 run
      under DIR passed there, is in its expectation file, or is outside 26.7's
      version range and passed on ClickHouse 18.16 or the reference as 24.8.

  olapspec --help
`;

/** A mistake in how olapspec was called: reported with a hint, exit status 2. */
export class UsageError extends Error {}
