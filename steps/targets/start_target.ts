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

async function startNamedTarget(spec: string, options: TargetOptions): Promise<RunningTarget> {
  if (spec === 'reference') return startReference(options);
  if (spec.startsWith('reference=')) return startReference(options, spec.slice('reference='.length));
  if (spec === 'clickhouse-binary' || spec.startsWith('clickhouse-binary=')) {
    const path = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : undefined;
    return startClickHouseBinary(path || undefined, options);
  }
  if (spec === 'clickhouse-chdb' || spec.startsWith('clickhouse-chdb=')) {
    const path = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : undefined;
    return startClickHouseChdb(path || undefined, options);
  }
  if (spec === 'clickhouse-container' || spec.startsWith('clickhouse-container=')) {
    const { startClickHouseContainer } = await import('./clickhouse_container.ts');
    const image = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : undefined;
    return startClickHouseContainer(image || undefined, options);
  }
  if (spec === 'starrocks-container' || spec.startsWith('starrocks-container=')) {
    const { startStarRocksContainer } = await import('./starrocks_container.ts');
    const image = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : undefined;
    return startStarRocksContainer(image || undefined, options);
  }
  if (spec === 'starrocks' || spec.startsWith('starrocks=')) {
    return startStarRocks(spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : undefined, options);
  }
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
  if (spec.startsWith('reference=')) return `reference-${spec.slice('reference='.length)}`;
  if (spec.startsWith('clickhouse-binary')) return 'clickhouse-binary';
  if (spec.startsWith('clickhouse-chdb')) return 'clickhouse-chdb';
  if (spec.startsWith('clickhouse-container')) {
    const image = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : 'default';
    return `clickhouse-container_${image.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  }
  if (spec === 'starrocks') return 'starrocks';
  if (spec.startsWith('starrocks-container')) {
    const image = spec.includes('=') ? spec.slice(spec.indexOf('=') + 1) : 'default';
    return `starrocks-container_${image.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  }
  if (spec.startsWith('starrocks=')) return `starrocks_${targetSlug(spec.slice('starrocks='.length))}`;
  return spec.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'target';
}
