// Every server the suite started in this process (the run's target and the
// configuration variants), so the hooks can tell after each scenario whether
// one of them died, and start it again.

import type { RunningTarget } from './target.ts';

const started = new Set<RunningTarget>();

export function rememberStarted(target: RunningTarget): RunningTarget {
  started.add(target);
  const stop = target.stop.bind(target);
  target.stop = async () => {
    started.delete(target);
    await stop();
  };
  return target;
}

/**
 * Restarts every started server that died; resolves to what happened, one
 * sentence a server, or [] when all of them are alive.
 */
export async function reviveDead(): Promise<string[]> {
  const deaths: string[] = [];
  for (const target of started) {
    const death = target.death?.();
    if (death === undefined) continue;
    if (!target.restart) {
      deaths.push(`${target.name}: ${death}`);
      continue;
    }
    try {
      await target.restart();
      deaths.push(`${target.name}: ${death}; started again`);
    } catch (err) {
      deaths.push(`${target.name}: ${death}; could not start it again: ${(err as Error).message}`);
    }
  }
  return deaths;
}
