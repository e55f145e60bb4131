// The ClickHouse versions the reference emulates, and what differs between
// them. The reference is ClickHouse 26.7 unless `olapspec serve
// --clickhouse-version 24.8` asks for the previous LTS line; every field below
// is a behaviour that changed between the two, with the change that made it.
// Code that behaves differently by version reads one of these fields, never
// the version string.

export const EMULATED_VERSIONS = ['26.7', '24.8'] as const;
export type EmulatedVersion = (typeof EMULATED_VERSIONS)[number];
export const DEFAULT_EMULATED_VERSION: EmulatedVersion = '26.7';

export interface ClickHouseCompat {
  /** The release line, as `--clickhouse-version` names it. */
  line: EmulatedVersion;
  /** What `SELECT version()` answers and error texts end with. */
  version: string;
  /** Settings whose default is not the registry's (which holds 26.7's), by name, as text. */
  settingDefaults: Readonly<Record<string, string>>;
  /**
   * Whether the query handler's errors name the version before the user is
   * authenticated and the session set up (failed logins, sessions, a missing
   * Content-Length). 25.12 stopped that: PR #91003.
   */
  versionInErrorsBeforeLogin: boolean;
  /**
   * `Authorization: never` (exactly) counts as no Authorization header: the
   * Web UI marks its requests so that the browser never asks for a password
   * itself. PR #76637 (25.3); src/Server/HTTP/authenticateUserByHTTP.cpp.
   */
  authorizationNever: boolean;
  /**
   * The page at /play: ClickHouse 26.7's own play.html ('clickhouse-26.7'),
   * or olapspec's stand-in ('olapspec') for 24.x's, which talked to the
   * server as that did: JSONCompact, credentials in the URL, no
   * `Authorization: never` (reference/clickhouse/web-ui/).
   */
  playPage: 'clickhouse-26.7' | 'olapspec';
}

const CH_26_7: ClickHouseCompat = {
  line: '26.7',
  version: '26.7.2.1',
  settingDefaults: {},
  versionInErrorsBeforeLogin: false,
  authorizationNever: true,
  playPage: 'clickhouse-26.7',
};

const CH_24_8: ClickHouseCompat = {
  line: '24.8',
  version: '24.8.1.1',
  settingDefaults: {},
  versionInErrorsBeforeLogin: true,
  authorizationNever: false,
  playPage: 'olapspec',
};

export function compatFor(line: string = DEFAULT_EMULATED_VERSION): ClickHouseCompat {
  if (line === '26.7') return CH_26_7;
  if (line === '24.8') return CH_24_8;
  throw new Error(`the reference emulates ClickHouse ${EMULATED_VERSIONS.join(' or ')}, not '${line}'`);
}
