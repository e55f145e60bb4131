// Starts the bundled reference servers as a separate process, exactly as a user
// would with `olapspec serve`, so the suite talks to it only over HTTP.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stopProcess } from './stop_process.ts';
import type { RunningTarget, TargetOptions } from './target.ts';

const LAUNCHER = fileURLToPath(new URL('../../bin/olapspec.js', import.meta.url));
const LISTENING = /^clickhouse http listening on (http:\/\/\S+)$/;
const STARTUP_MS = 30_000;

export async function startReference(options: TargetOptions = {}): Promise<RunningTarget> {
  const child = spawn(process.execPath, [LAUNCHER, 'serve', '--host', '127.0.0.1',
    '--clickhouse-port', '0', '--fe-port', '0', '--fe-query-port', '0', '--be-port', '0', '--cn-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 40) output.shift();
    options.log?.(line);
  };
  createInterface({ input: child.stderr }).on('line', remember);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no "clickhouse http listening on" line within ${STARTUP_MS} ms`), STARTUP_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the reference server did not start: ${why}\n${output.join('\n')}`));
    };
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`it exited (${code ?? signal})`));
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      const match = LISTENING.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(match[1]!.replace(/\/$/, ''));
      }
    });
  });

  return {
    name: 'reference',
    url,
    user: options.user ?? 'default',
    password: options.password ?? '',
    stop: () => stopProcess(child, 5_000),
  };
}
