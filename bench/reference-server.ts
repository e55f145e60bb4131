// Starts `olapspec serve` as a child process, as a user would, so benchmarks
// measure the real server and can read its memory from /proc.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const launcher = fileURLToPath(new URL('../bin/olapspec.js', import.meta.url));

export async function startReferenceServer(): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [launcher, 'serve', '--host', '127.0.0.1', '--clickhouse-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /clickhouse http listening on (\S+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`olapspec serve exited with ${code} before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Resident set size of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
