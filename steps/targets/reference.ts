// Starts the bundled reference servers as a separate process, exactly as a user
// would with `olapspec serve --config FILE`, so the suite talks to it only over
// HTTP. The configuration is the one the real server gets (config/).

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { StarRocksServeLines } from './starrocks_reference.ts';
import { stopProcess } from './stop_process.ts';
import type { RunningTarget, TargetOptions } from './target.ts';
import { writeTargetConfig } from './target_config.ts';

const LAUNCHER = fileURLToPath(new URL('../../bin/olapspec.js', import.meta.url));
const LISTENING = /^clickhouse (https?) listening on (https?:\/\/\S+)$/;
const STARTUP_MS = 30_000;
/** serve prints its URLs together; the HTTPS line, if any, follows the HTTP one at once. */
const HTTPS_LINE_GRACE_MS = 1_000;

/**
 * OLAPSPEC_REFERENCE_DATA_DIR runs the reference with `--data-dir`: `1` in a
 * directory of the run (removed with it), any other value that directory
 * (kept), so every scenario also exercises the storage.
 */
function dataDirArgs(runDir: string): string[] {
  const v = process.env.OLAPSPEC_REFERENCE_DATA_DIR;
  if (!v) return [];
  return ['--data-dir', v === '1' ? join(runDir, 'data') : v];
}

/** `clickhouseVersion`: the release line to emulate (olapspec serve --clickhouse-version), else the default. */
export async function startReference(options: TargetOptions = {}, clickhouseVersion?: string): Promise<RunningTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-reference-'));
  // Port 0 everywhere: the reference picks free ports and prints them.
  const configFile = await writeTargetConfig(dir, { httpPort: 0, tcpPort: 0, httpsPort: 0 }, options.configVariant);
  const child = spawn(process.execPath, [LAUNCHER, 'serve', '--host', '127.0.0.1', '--config', configFile,
    '--clickhouse-port', '0', '--fe-port', '0', '--fe-query-port', '0', '--be-port', '0', '--cn-port', '0',
    ...(clickhouseVersion !== undefined ? ['--clickhouse-version', clickhouseVersion] : []),
    ...dataDirArgs(dir)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 40) output.shift();
    options.log?.(line);
  };
  createInterface({ input: child.stderr }).on('line', remember);

  const urls: { http?: string; https?: string } = {};
  const starrocks = new StarRocksServeLines();
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    remember(line);
    starrocks.take(line);
    const match = LISTENING.exec(line.trim());
    if (match) urls[match[1] as 'http' | 'https'] = match[2]!.replace(/\/$/, '');
  });

  const stop = async () => {
    await stopProcess(child, 5_000);
    await rm(dir, { recursive: true, force: true });
  };
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => resolve(`it exited (${code ?? signal})`));
  });
  let failure: string | undefined;
  void exited.then((why) => { failure = why; });
  const until = Date.now() + STARTUP_MS;
  while (urls.http === undefined && failure === undefined && Date.now() < until) await sleep(20);
  if (urls.http === undefined) {
    await stop();
    throw new Error(`the reference server did not start: ${failure ?? `no "clickhouse http listening on" line within ${STARTUP_MS} ms`}\n${output.join('\n')}`);
  }
  const graceEnd = Date.now() + HTTPS_LINE_GRACE_MS;
  while (urls.https === undefined && failure === undefined && Date.now() < graceEnd) await sleep(20);
  // The StarRocks lines come in the same burst; a reference without StarRocks prints none.
  while (!starrocks.complete() && failure === undefined && Date.now() < graceEnd) await sleep(20);
  const starrocksEndpoints = starrocks.endpoints();

  return {
    name: clickhouseVersion === undefined ? 'reference' : `reference=${clickhouseVersion}`,
    url: urls.http,
    ...(urls.https ? { httpsUrl: urls.https } : {}),
    ...(starrocksEndpoints ? { starrocks: starrocksEndpoints } : {}),
    user: options.user ?? 'default',
    password: options.password ?? '',
    stop,
    pid: () => child.pid,
  };
}
