// Starts a real clickhouse-server on free loopback ports with a generated
// configuration and a temporary directory, and takes both down afterwards.

import { spawn } from 'node:child_process';
import { chown, mkdtemp, readdir, readFile, rm, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free_port.ts';
import { stopProcess } from './stop_process.ts';
import type { RunningTarget, TargetOptions } from './target.ts';
import { writeTargetConfig } from './target_config.ts';
import { waitForOk } from './wait_http.ts';

const STARTUP_MS = 60_000;
const SHUTDOWN_GRACE_MS = 15_000;

/** The binary to run: an explicit path, else `clickhouse-server` on PATH, else /usr/sbin. */
export async function findClickHouseBinary(explicit?: string): Promise<string | undefined> {
  const candidates = explicit
    ? [explicit]
    : [...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'clickhouse-server')),
      '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'];
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** uid and gid of the `clickhouse` account, when the machine has one. */
async function clickhouseAccount(): Promise<{ uid: number; gid: number } | undefined> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'clickhouse') return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await chown(path, uid, gid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

async function logTail(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of ['clickhouse-server.err.log', 'clickhouse-server.log']) {
    const text = await readFile(join(dir, 'log', name), 'utf8').catch(() => '');
    if (text) parts.push(`--- ${name} (tail)\n${text.split('\n').slice(-20).join('\n')}`);
  }
  return parts.join('\n');
}

export async function startClickHouseBinary(binaryPath: string | undefined, options: TargetOptions = {}): Promise<RunningTarget> {
  const binary = await findClickHouseBinary(binaryPath);
  if (binary === undefined) {
    throw new Error(binaryPath
      ? `clickhouse-server binary not found or not executable: ${binaryPath}`
      : 'no clickhouse-server binary found on PATH or in /usr/sbin (install the clickhouse-server package)');
  }

  const dir = await mkdtemp(join(tmpdir(), 'olapspec-clickhouse-'));
  const [httpPort, tcpPort, httpsPort] = [await freePort(), await freePort(), await freePort()];
  const configFile = await writeTargetConfig(dir, { httpPort, tcpPort, httpsPort }, options.configVariant);

  // The server refuses to run as root over data it does not own, and the Debian
  // package runs it as `clickhouse`; do the same when we were started as root.
  const runAs = process.getuid?.() === 0 ? await clickhouseAccount() : undefined;
  if (runAs) await chownTree(dir, runAs.uid, runAs.gid);

  const child = spawn(binary, [`--config-file=${configFile}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  let spawnError: Error | undefined;
  child.on('error', (err) => { spawnError = err; });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) options.log?.(line);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);

  const url = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    await stopProcess(child, SHUTDOWN_GRACE_MS);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${url}/ping`, STARTUP_MS, () => {
      if (spawnError) return `could not start ${binary}: ${spawnError.message}`;
      if (child.exitCode !== null || child.signalCode !== null) {
        return `${binary} exited during start-up (${child.exitCode ?? child.signalCode})`;
      }
      return undefined;
    });
  } catch (err) {
    const tail = await logTail(dir);
    await stop();
    throw new Error(`${(err as Error).message}${tail ? `\n${tail}` : ''}`);
  }
  return {
    name: 'clickhouse-binary',
    host: 'clickhouse-server',
    url,
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    user: options.user ?? 'default',
    password: options.password ?? '',
    stop,
    pid: () => child.pid,
  };
}
