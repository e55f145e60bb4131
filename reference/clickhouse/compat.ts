// The ClickHouse versions the reference emulates, and what differs between
// them. The reference is ClickHouse 26.7 unless `olapspec serve
// --clickhouse-version 24.8` asks for the previous LTS line; every field below
// is a behaviour that changed between the two, with the change that made it.
// Code that behaves differently by version reads one of these fields, never
// the version string.

import type { SnappyFormat } from '../../lib/compression/http-codecs.ts';
import type { AcceptEncodingRule } from '../../lib/compression/http-methods.ts';

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
   * A failed login as `default` is REQUIRED_PASSWORD (194): 401 with
   * WWW-Authenticate, so that a browser asks; before, 516 and 403.
   * PR #72198 (24.12); src/Access/AccessControl.cpp, authenticate.
   */
  defaultLoginAsksBrowser: boolean;
  /** The help for a failed login as `default` starts with a ClickHouse Cloud paragraph (25.x; 24.8 has none). */
  cloudPasswordHelp: boolean;
  /**
   * Credentials in the user/password URL parameters win over an
   * Authorization header instead of being refused with 516: PR #108980 (26.7).
   */
  urlCredentialsOverAuthorization: boolean;
  /**
   * How Accept-Encoding picks the response's method: a substring search, or
   * codings whose q=0 refuses them and `*` (PR #110108, 26.7).
   */
  acceptEncoding: AcceptEncodingRule;
  /** The bytes of HTTP `snappy`: Hadoop's blocks, read only; the framing format both ways since PR #100752 (26.7). */
  snappy: SnappyFormat;
  /** The static handlers (/, /ping, static rules) answer `Vary: Accept-Encoding`, compressed or not: PR #110108 (26.7). */
  varyAcceptEncoding: boolean;
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
  /**
   * An external-data part over http_max_multipart_form_data_size: 'refuse'
   * (LIMIT_EXCEEDED, 290), or 'cut' at the limit without an error, since
   * LimitReadBuffer's Settings made its throw unreachable (src/IO/LimitReadBuffer.cpp;
   * fix open in PR #120036). 26.7 cuts; the version it started in is not pinned down.
   */
  multipartOverflow: 'refuse' | 'cut';
  /** A 400 for a request head that does not parse carries the parser's message as text/plain: 26.3 (PR #98268). */
  badRequestMessage: boolean;
  /**
   * executeQuery substitutes placeholders whenever the text has a '{', even
   * without parameters ("Substitution `x` is not set"), instead of leaving
   * them to the analyzer ("Query parameter `x` was not set"): probably_has_params
   * in src/Interpreters/executeQuery.cpp; 26.7 does, 24.3's code did not.
   */
  placeholdersWithoutParameters: boolean;
  /**
   * An error after the answer began: 'appended', the text after the data and
   * the body ended as usual (up to 24.10); 'tagged' (25.11, PR #88818), every
   * answer names a random X-ClickHouse-Exception-Tag, the error comes in a
   * block framed with it and the connection is closed without ending the body.
   * (24.11-25.10 wrote an untagged `__exception__` line, PR #68800.)
   */
  midStreamErrors: 'appended' | 'tagged';
  /** Query answers name the headers scripts may read in Access-Control-Expose-Headers: 25.1 (PR #74180). */
  exposeHeaders: boolean;
  /** X-ClickHouse-Summary ends with the query's memory_usage: 25.11 (PR #88393). */
  summaryMemoryUsage: boolean;
}

const CH_26_7: ClickHouseCompat = {
  line: '26.7',
  version: '26.7.2.1',
  settingDefaults: {},
  versionInErrorsBeforeLogin: false,
  defaultLoginAsksBrowser: true,
  cloudPasswordHelp: true,
  urlCredentialsOverAuthorization: true,
  acceptEncoding: 'q-values',
  snappy: 'framed',
  varyAcceptEncoding: true,
  authorizationNever: true,
  playPage: 'clickhouse-26.7',
  multipartOverflow: 'cut',
  badRequestMessage: true,
  placeholdersWithoutParameters: true,
  midStreamErrors: 'tagged',
  exposeHeaders: true,
  summaryMemoryUsage: true,
};

const CH_24_8: ClickHouseCompat = {
  line: '24.8',
  version: '24.8.1.1',
  settingDefaults: {
    // 25.11: "Changed for consistency across formats" (SettingsChangesHistory).
    http_write_exception_in_output_format: '1',
    // PR #103285 (26.x) cut the HTTP header limits to bound pre-authentication memory.
    http_max_fields: '1000000',
    http_max_field_name_size: '131072',
    // PR #89334 (26.5): best_effort DateTime parsing by default.
    date_time_input_format: 'basic',
    // 25.2: "It is better for usability - less amount to scroll" (SettingsChangesHistory).
    output_format_pretty_max_rows: '10000',
    // PR #97590 / #98825 (26.2): async inserts on by default.
    async_insert: '0',
    // 26.x; 26.7's system.settings shows default 1.
    mutations_sync: '0',
    // 26.7: "Use the precise (closest-representable) float parsing algorithm by default" (SettingsChangesHistory).
    precise_float_parsing: '0',
    // 25.8 stopped quoting 64-bit integers in JSON (SettingsChangesHistory: "Disable quoting of the 64 bit integers").
    output_format_json_quote_64bit_integers: '1',
    // 25.10 turned HTTP compression on by default (SettingsChangesHistory: "It should be beneficial in general").
    enable_http_compression: '0',
  },
  versionInErrorsBeforeLogin: true,
  defaultLoginAsksBrowser: false,
  cloudPasswordHelp: false,
  urlCredentialsOverAuthorization: false,
  acceptEncoding: 'substring',
  snappy: 'hadoop',
  varyAcceptEncoding: false,
  authorizationNever: false,
  playPage: 'olapspec',
  multipartOverflow: 'refuse',
  badRequestMessage: false,
  placeholdersWithoutParameters: false,
  midStreamErrors: 'appended',
  exposeHeaders: false,
  summaryMemoryUsage: false,
};

export function compatFor(line: string = DEFAULT_EMULATED_VERSION): ClickHouseCompat {
  if (line === '26.7') return CH_26_7;
  if (line === '24.8') return CH_24_8;
  throw new Error(`the reference emulates ClickHouse ${EMULATED_VERSIONS.join(' or ')}, not '${line}'`);
}
