// One place that turns a target name from the command line or the environment
// into a running server: `reference`, `clickhouse-binary[=PATH]`, or a URL.

import { startClickHouseBinary } from './clickhouse_binary.ts';
import { startClickHouseChdb } from './clickhouse_chdb.ts';
import { startReference } from './reference.ts';
import { startStarRocks } from './starrocks.ts';
import { rememberStarted } from './started_targets.ts';
import type { RunningTarget, TargetOptions } from './target.ts';

export type { RunningTarget, TargetOptions } from './target.ts';

export async function startTarget(spec: string, options: TargetOptions = {}): Promise<RunningTarget> {
  return rememberStarted(await startNamedTarget(spec, options));
}

/** `kind=argument` → its parts; the argument (a path, an image, a version, a URL) is optional. */
function splitSpec(spec: string): { kind: string; arg: string | undefined } {
  const at = spec.indexOf('=');
  return at === -1 ? { kind: spec, arg: undefined } : { kind: spec.slice(0, at), arg: spec.slice(at + 1) };
}

type Starter = (arg: string | undefined, options: TargetOptions) => Promise<RunningTarget> | RunningTarget;

// Container targets load testcontainers only when asked for.
const STARTERS: Record<string, Starter> = {
  reference: (version, options) => startReference(options, version),
  'clickhouse-binary': (path, options) => startClickHouseBinary(path || undefined, options),
  'clickhouse-chdb': (path, options) => startClickHouseChdb(path || undefined, options),
  'clickhouse-container': async (image, options) =>
    (await import('./clickhouse_container.ts')).startClickHouseContainer(image || undefined, options),
  'starrocks-container': async (image, options) =>
    (await import('./starrocks_container.ts')).startStarRocksContainer(image || undefined, options),
  starrocks: (url, options) => startStarRocks(url, options),
};

async function startNamedTarget(spec: string, options: TargetOptions): Promise<RunningTarget> {
  const { kind, arg } = splitSpec(spec);
  const starter = Object.hasOwn(STARTERS, kind) ? STARTERS[kind] : undefined;
  if (starter) return starter(arg, options);
  if (/^https?:\/\//.test(spec)) {
    const url = new URL(spec);
    // Credentials in the URL are a convenience; --user/--password win.
    const user = options.user ?? (url.username ? decodeURIComponent(url.username) : 'default');
    const password = options.password ?? decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    const base = url.origin + url.pathname.replace(/\/$/, '');
    // An https:// target is its own HTTPS endpoint, so the @https scenarios run against it too.
    return { name: url.origin, url: base, ...(url.protocol === 'https:' ? { httpsUrl: base } : {}), user, password, stop: async () => {} };
  }
  throw new Error(`unknown target '${spec}': use reference, clickhouse-binary[=PATH], clickhouse-chdb[=PATH to libchdb.so], clickhouse-container[=IMAGE], starrocks-container[=IMAGE], starrocks[=http://fe:8030] or a URL such as http://localhost:8123`);
}

/** The directory name a target's reports go to by default. */
export function targetSlug(spec: string): string {
  const { kind, arg } = splitSpec(spec);
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (kind === 'reference') return arg === undefined ? 'reference' : `reference-${arg}`;
  if (kind === 'clickhouse-binary' || kind === 'clickhouse-chdb') return kind;
  if (kind === 'clickhouse-container' || kind === 'starrocks-container') return `${kind}_${safe(arg ?? 'default')}`;
  if (kind === 'starrocks') return arg === undefined ? 'starrocks' : `starrocks_${targetSlug(arg)}`;
  return safe(spec.replace(/^https?:\/\//, '')).replace(/^_+|_+$/g, '') || 'target';
}
