// The server configuration this reference understands, read from a
// ClickHouse config.xml or config.yaml and the users file it names
// (<users_config>, relative to the config's directory), each with its
// config.d-style overrides merged in (../config/config-merge.ts): ports, display name,
// timezone, default responses, OPTIONS headers, session timeouts, the HTTPS
// certificate and key, users/profiles/quotas for the engine's access control,
// and the <http_handlers> rules with the user_files_path their static files
// come from. Unknown keys are ignored, as ClickHouse ignores keys it does not use.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { AccessConfig } from '../engine/access/config.ts';
import { at, child, entries, text } from '../config/config-tree.ts';
import type { ConfigObject } from '../config/config-tree.ts';
import { readMergedConfigTree } from '../config/config-merge.ts';
import type { HeaderList } from './http/sink.ts';
import { readHttpHandlers } from './http-handlers/rules.ts';
import type { ChainEntry } from './http-handlers/rules.ts';
import { accessConfigFrom } from './users-config.ts';

export { parseXml } from '../config/config-tree.ts';

export interface ServerConfig {
  displayName?: string;
  httpPort?: number;
  httpsPort?: number;
  listenHost?: string;
  timezone?: string;
  /** Body of `GET /` (ClickHouse default `Ok.\n`). */
  httpServerDefaultResponse?: string;
  httpOptionsResponse?: HeaderList;
  /** http_max_uri_size of the default profile (1 MiB). */
  httpMaxUriSize?: number;
  /** Seconds; ClickHouse defaults 60 and 3600. */
  defaultSessionTimeout?: number;
  maxSessionTimeout?: number;
  /** keep_alive_timeout (seconds) and max_keep_alive_requests: the Keep-Alive header's timeout and max. */
  keepAliveTimeout?: number;
  maxKeepAliveRequests?: number;
  /** enable_http_stacktrace (default true): false ignores the `stacktrace` URL parameter. */
  enableHttpStacktrace?: boolean;
  /** <openSSL><server>: PEM files for the HTTPS port. */
  certificateFile?: string;
  privateKeyFile?: string;
  /** Users, profiles and quotas (users.xml); absent means the stock `default` user. */
  access?: AccessConfig;
  /** Where `file://` static handler content lives (<user_files_path>, else <path>/user_files/). */
  userFilesPath?: string;
  /** Where format files (Template's) live (<format_schema_path>, else <path>/format_schemas/). */
  formatSchemaPath?: string;
  /** <http_handlers> in document order; absent means the default handlers only. */
  httpHandlers?: ChainEntry[];
}

/** ClickHouse's own defaults for <path> and <user_files_path>. */
export const DEFAULT_USER_FILES_PATH = '/var/lib/clickhouse/user_files/';

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : undefined;
}

function relativeTo(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(base), path);
}

function optionsHeaders(root: ConfigObject): HeaderList | undefined {
  const section = child(root, 'http_options_response');
  if (section === undefined) return undefined;
  const out: HeaderList = [];
  for (const [key, h] of entries(section)) {
    if (key !== 'header') continue;
    for (const one of Array.isArray(h) ? h : [h]) {
      const name = text(child(one, 'name'))?.trim() ?? '';
      // ClickHouse skips headers with an empty name (and logs a warning).
      if (name !== '') out.push([name, text(child(one, 'value'))?.trim() ?? '']);
    }
  }
  return out;
}

export function configFromTree(root: ConfigObject, path: string): ServerConfig {
  const cfg: ServerConfig = {};
  const str = (key: string): string | undefined => text(at(root, key))?.trim();
  const displayName = str('display_name');
  if (displayName) cfg.displayName = displayName;
  const setNum = (key: keyof ServerConfig, name: string): void => {
    const v = num(str(name));
    if (v !== undefined) (cfg as Record<string, unknown>)[key] = v;
  };
  setNum('httpPort', 'http_port');
  setNum('httpsPort', 'https_port');
  setNum('defaultSessionTimeout', 'default_session_timeout');
  setNum('maxSessionTimeout', 'max_session_timeout');
  setNum('keepAliveTimeout', 'keep_alive_timeout');
  setNum('maxKeepAliveRequests', 'max_keep_alive_requests');
  const stacktrace = str('enable_http_stacktrace');
  // Poco's getBool: true/yes/on or a non-zero number.
  if (stacktrace !== undefined && stacktrace !== '') cfg.enableHttpStacktrace = /^(true|yes|on)$/i.test(stacktrace) || (Number(stacktrace) !== 0 && !Number.isNaN(Number(stacktrace)));
  const host = str('listen_host');
  if (host) cfg.listenHost = host;
  const tz = str('timezone');
  if (tz) cfg.timezone = tz;
  // The default response is used verbatim: whitespace is part of it.
  const def = text(child(root, 'http_server_default_response'));
  if (def !== undefined) cfg.httpServerDefaultResponse = def;
  const options = optionsHeaders(root);
  if (options) cfg.httpOptionsResponse = options;
  const cert = str('openSSL.server.certificateFile');
  if (cert) cfg.certificateFile = relativeTo(path, cert);
  const key = str('openSSL.server.privateKeyFile');
  if (key) cfg.privateKeyFile = relativeTo(path, key);
  // Server.cpp: user_files_path defaults to <path>/user_files/.
  const userFiles = str('user_files_path') ?? (str('path') ? join(str('path')!, 'user_files/') : undefined);
  if (userFiles) cfg.userFilesPath = userFiles;
  const formatSchemas = str('format_schema_path') ?? (str('path') ? join(str('path')!, 'format_schemas/') : undefined);
  if (formatSchemas) cfg.formatSchemaPath = formatSchemas;
  const handlers = readHttpHandlers(root);
  if (handlers) cfg.httpHandlers = handlers;

  // Users come from <users_config> (or user_directories/users_xml/path), else from this file itself.
  const usersPath = str('user_directories.users_xml.path') ?? str('users_config');
  let usersRoot = root;
  if (usersPath) {
    const full = relativeTo(path, usersPath);
    if (!existsSync(full)) throw new Error(`${path}: the users config ${full} does not exist`);
    usersRoot = readMergedConfigTree(full);
  }
  const access = accessConfigFrom(usersRoot);
  if (access) cfg.access = access;
  const maxUri = num(text(at(usersRoot, 'profiles.default.http_max_uri_size')) ?? text(at(root, 'profiles.default.http_max_uri_size')));
  if (maxUri !== undefined) cfg.httpMaxUriSize = maxUri;
  return cfg;
}

export function loadConfig(path: string): ServerConfig {
  return configFromTree(readMergedConfigTree(path), path);
}
