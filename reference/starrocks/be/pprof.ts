// /pprof/* on BE and CN, answered with real profiles of this Node process
// where Node can make them (a documented form, since there is no gperftools):
// - /pprof/heap        a V8 heap snapshot (.heapsnapshot JSON) taken now
//                      (jemalloc builds also dump immediately; `seconds` is ignored)
// - /pprof/growth      jemalloc builds' text: growth profiling is unavailable
// - /pprof/profile     a V8 CPU profile (.cpuprofile JSON) sampled for `seconds` (default 30)
// - /pprof/pmuprofile  the same CPU profile (no PMU counters in Node)
// - /pprof/contention  text: contention profiling is not available (no mutex profiler in Node)
// - /pprof/cmdline     the first token of /proc/self/cmdline
// - /pprof/symbol      GET `num_symbols: <n>`, HEAD empty, POST `addr+addr` → `addr\tfunc` lines

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

/** Function names the V8 profile knows, by a synthetic address per function (for /pprof/symbol). */
const symbols = new Map<string, string>();

export function registerPprof(router: Router<BeHandler>): void {
  router.add('GET', '/pprof/heap', async (x) => beSend(x, await heapSnapshot(), 200, 'application/octet-stream'));
  router.add('GET', '/pprof/growth', (x) => beSend(x, 'Growth profiling is not available with jemalloc builds.You can set the `--seconds` argument and use the output of heap profiling to compare with this result.', 200, 'text/plain'));
  const profile: BeHandler = async (x) => {
    const json = await cpuProfile(seconds(x.query, 30));
    const nodes = (JSON.parse(json) as { nodes: { id: number; callFrame: { functionName: string; url: string } }[] }).nodes;
    for (const n of nodes) symbols.set(`0x${(0x400000 + n.id * 16).toString(16)}`, n.callFrame.functionName || '(anonymous)');
    beSend(x, json, 200, 'application/octet-stream');
  };
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
  router.add(['GET', 'HEAD', 'POST'], '/pprof/symbol', async (x) => {
    if (x.method === 'HEAD') return beSend(x, '', 200, 'text/plain');
    if (x.method === 'GET') return beSend(x, `num_symbols: ${symbols.size}\n`, 200, 'text/plain');
    const body = (await x.body()).toString('latin1').trim();
    const lines = body.split('+').filter((a) => a).map((a) => `${a}\t${symbols.get(a.toLowerCase()) ?? '??'}\n`);
    beSend(x, lines.join(''), 200, 'text/plain');
  });
}
