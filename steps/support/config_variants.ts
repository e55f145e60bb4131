// Scenarios tagged @server-config:NAME need a server started with
// steps/targets/config/variants/NAME.xml as a config.d override of the suite's
// config.xml. Each variant server is of the run's own kind (a second
// reference, a second real clickhouse-server), started by the first scenario
// that needs it, so a run whose such scenarios are all skipped starts none,
// and stopped when the run ends. A server the suite did not start (a URL)
// cannot be reconfigured: those scenarios are skipped, and say why.

import { startTarget, type RunningTarget } from '../targets/start_target.ts';
import type { TargetInfo } from './run_state.ts';

const TAG = '@server-config:';
const started = new Map<string, Promise<RunningTarget>>();

/** The variant a scenario's tags ask for, if any. */
export function configVariantOf(tags: readonly string[]): string | undefined {
  const variants = tags.filter((tag) => tag.startsWith(TAG)).map((tag) => tag.slice(TAG.length));
  if (variants.length > 1) throw new Error(`a scenario runs on one server configuration, not on ${variants.join(' and ')}`);
  return variants[0];
}

/** Why no server like the run's target can be started with another configuration; undefined when one can. */
export function whyNoVariant(target: TargetInfo): string | undefined {
  const spec = target.spec;
  if (/^(reference|clickhouse-binary|clickhouse-chdb|clickhouse-container)(=|$)/.test(spec ?? '')) return undefined;
  return `${target.name} was not started by olapspec, so it cannot be started again with another server configuration`;
}

/** The run's target as a scenario of the variant sees it: same kind, same version, its own server. */
export async function variantTarget(target: TargetInfo, variant: string): Promise<TargetInfo> {
  if (target.spec === undefined || whyNoVariant(target) !== undefined) throw new Error(whyNoVariant(target));
  let server = started.get(variant);
  if (server === undefined) {
    // A failed start stays failed: every scenario of the variant then reports it.
    server = startTarget(target.spec, { user: target.user, password: target.password, configVariant: variant });
    started.set(variant, server);
  }
  const running = await server;
  const { httpsUrl: _mainHttps, ...rest } = target;
  return { ...rest, name: `${target.name} with ${variant}.xml`, url: running.url, ...(running.httpsUrl ? { httpsUrl: running.httpsUrl } : {}) };
}

export async function stopVariants(): Promise<void> {
  const servers = [...started.values()];
  started.clear();
  await Promise.all(servers.map((server) => server.then((running) => running.stop(), () => undefined)));
}
