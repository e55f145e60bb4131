// /pprof/* on BE and CN, answered with real profiles of this Node process
// where Node can make them (a documented form, since there is no gperftools):
// - /pprof/heap        a V8 heap snapshot (.heapsnapshot JSON) taken now
//                      (jemalloc builds also dump immediately; `seconds` is ignored)
// - /pprof/growth      jemalloc builds' text: growth profiling is unavailable
// - /pprof/profile     a V8 CPU profile (.cpuprofile JSON) sampled for `seconds` (default 30)
// - /pprof/pmuprofile  the same CPU profile (no PMU counters in Node)
// - /pprof/contention  text: contention profiling is not available (no mutex profiler in Node)
// - /pprof/cmdline     the first token of /proc/self/cmdline
// - /pprof/symbol      404 with a fixed text for GET, HEAD and POST: the newest BE resolves no
//                      symbols (SymbolAction in http/service/action/pprof_actions.cpp @ f65fb0ab28)

import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';
import type { Router } from '../http/router.ts';
import type { BeHandler } from './action.ts';
import { beSend } from './action.ts';

async function cpuProfile(seconds: number): Promise<string> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const { profile } = await session.post('Profiler.stop');
    return JSON.stringify(profile);
  } finally {
    session.disconnect();
  }
}

function heapSnapshot(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = v8.getHeapSnapshot();
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', reject);
  });
}

function seconds(q: URLSearchParams, def: number): number {
  const v = Number(q.get('seconds') ?? def);
  return Number.isFinite(v) && v > 0 ? Math.min(v, 300) : def;
}

export const SYMBOL_UNAVAILABLE = 'Symbol resolution is not available. Please use pprof with the binary file to resolve symbols.';

export function registerPprof(router: Router<BeHandler>): void {
  router.add('GET', '/pprof/heap', async (x) => beSend(x, await heapSnapshot(), 200, 'application/octet-stream'));
  router.add('GET', '/pprof/growth', (x) => beSend(x, 'Growth profiling is not available with jemalloc builds.You can set the `--base` flag to jeprof to compare the results of two Heap Profiling', 200, 'text/plain'));
  const profile: BeHandler = async (x) => beSend(x, await cpuProfile(seconds(x.query, 30)), 200, 'application/octet-stream');
  router.add('GET', '/pprof/profile', profile);
  router.add('GET', '/pprof/pmuprofile', profile);
  router.add('GET', '/pprof/contention', (x) => beSend(x, 'Contention profiling is not available with this build.', 200, 'text/plain'));
  router.add('GET', '/pprof/cmdline', (x) => {
    let first = process.argv[0] ?? '';
    try {
      first = readFileSync('/proc/self/cmdline', 'latin1').split('\0')[0] ?? first;
    } catch {
      // not Linux: argv[0] is the same token
    }
    beSend(x, first, 200, 'text/plain');
  });
  router.add(['GET', 'HEAD', 'POST'], '/pprof/symbol', (x) => beSend(x, x.method === 'HEAD' ? '' : SYMBOL_UNAVAILABLE, 404, 'text/plain'));
}
