// ClickHouse 26.7 hosted from its library (libchdb, the npm package
// @chdb/lib-linux-x64-gnu) through ffi-rs, in a process of its own
// (bin/chdb-host.ts): clickhouse-local serving the real HTTP interface with the
// suite's generated configuration, on free loopback ports, in a temporary
// directory removed afterwards.
//
// The library aborts (exit 134) on some malformed requests and when a client
// hangs up before the request head is complete. Such a death is the host's, not
// ClickHouse's: the target notices it, says so, and starts the server again on
// the same ports, so one crash never fails the scenarios after it.

import { spawn, type ChildProcess } from 'node:child_process';
import { access, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free_port.ts';
import { stopProcess } from './stop_process.ts';
import { TargetUnavailable, type RunningTarget, type TargetOptions } from './target.ts';
import { writeTargetConfig } from './target_config.ts';
import { waitForOk } from './wait_http.ts';

const HOST = fileURLToPath(new URL('../../bin/chdb-host.ts', import.meta.url));
const PACKAGE = '@chdb/lib-linux-x64-gnu';
const STARTUP_MS = 60_000;
// The serving query: open the listeners, then sleep for years.
const SERVE = 'SYSTEM START LISTEN HTTP; SELECT sleepEachRow(3) FROM numbers(100000000) SETTINGS max_block_size=1 FORMAT Null';

/** The clickhouse-local command line that serves HTTP with the suite's configuration (also the 26.7 image's). */
export function chdbServeArgs(configFile: string, httpPort: number, dir: string): string[] {
  return [`--config-file=${configFile}`, `--http_port=${httpPort}`, '--listen_host=127.0.0.1', `--path=${join(dir, 'data')}/`,
    // clickhouse-local turns implicit_select on for its own command line (applySettingsOverridesForLocal);
    // clickhouse-server leaves it off, and so must the server the suite talks to.
    '--implicit_select=0',
    // Its default format is TSV where clickhouse-server's is TabSeparated (LocalServer's applyCmdOptions).
    '--output-format=TabSeparated',
    '--multiquery', '--query', SERVE];
}

/** libchdb.so: an explicit path, else the optional npm package's. Undefined with the reason when there is none. */
export async function findLibChdb(explicit?: string): Promise<{ path?: string; why?: string }> {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('ffi-rs');
  } catch {
    return { why: 'the optional dependency ffi-rs is not installed (npm ci installs it on linux x64 with glibc)' };
  }
  let path = explicit;
  if (path === undefined) {
    try {
      path = join(dirname(require.resolve(`${PACKAGE}/package.json`)), 'libchdb.so');
    } catch {
      return { why: `the optional dependency ${PACKAGE} is not installed (it exists for linux x64 with glibc only); ` +
        'give clickhouse-chdb=PATH to a libchdb.so instead' };
    }
  }
  try {
    await access(path, constants.R_OK);
  } catch {
    return { why: `no readable libchdb.so at ${path}` };
  }
  return { path };
}

/**
 * clickhouse-local has no user_files_path or format_schema_path (LocalServer::tryInitPath
 * sets the first to ""): both resolve against the working directory, so it runs in the
 * target's user_files/, with the format schemas copied in. Returns that directory.
 */
export async function chdbWorkingDirectory(dir: string): Promise<string> {
  const cwd = join(dir, 'user_files');
  for (const name of await readdir(join(dir, 'format_schemas'))) await copyFile(join(dir, 'format_schemas', name), join(cwd, name));
  return cwd;
}

export async function startClickHouseChdb(libraryPath: string | undefined, options: TargetOptions = {}): Promise<RunningTarget> {
  const found = await findLibChdb(libraryPath);
  if (found.path === undefined) throw new TargetUnavailable(`clickhouse-chdb: ${found.why}`);
  const library = found.path;

  const dir = await mkdtemp(join(tmpdir(), 'olapspec-chdb-'));
  const [httpPort, tcpPort, httpsPort] = [await freePort(), await freePort(), await freePort()];
  const configFile = await writeTargetConfig(dir, { httpPort, tcpPort, httpsPort }, options.configVariant);
  const cwd = await chdbWorkingDirectory(dir);
  const url = `http://127.0.0.1:${httpPort}`;

  let child: ChildProcess | undefined;
  let stopping = false;
  let death: string | undefined;
  const output: string[] = [];

  const launch = async (): Promise<void> => {
    death = undefined;
    const proc = spawn(process.execPath, [HOST, library, ...chdbServeArgs(configFile, httpPort, dir)], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let spawnError: Error | undefined;
    proc.on('error', (err) => { spawnError = err; });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        output.push(line);
        if (output.length > 30) output.shift();
        options.log?.(line);
      }
    };
    proc.stdout!.on('data', forward);
    proc.stderr!.on('data', forward);
    proc.once('exit', (code, signal) => {
      if (stopping || child !== proc) return;
      death = `the library-hosted ClickHouse died (${code === 134 || signal === 'SIGABRT' ? 'abort, exit 134' : `exit ${code ?? signal}`})`;
      process.stderr.write(`olapspec: clickhouse-chdb: ${death}\n`);
    });
    await waitForOk(`${url}/ping`, STARTUP_MS, () => {
      if (spawnError) return `could not start ${HOST}: ${spawnError.message}`;
      if (proc.exitCode !== null || proc.signalCode !== null) return `libchdb exited during start-up (${proc.exitCode ?? proc.signalCode})`;
      return undefined;
    });
  };

  const stop = async () => {
    stopping = true;
    if (child) await stopProcess(child, 5_000);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await launch();
  } catch (err) {
    await stop();
    throw new Error(`clickhouse-chdb: ${(err as Error).message}\n${output.join('\n')}`);
  }
  return {
    name: 'clickhouse-chdb',
    host: 'clickhouse-chdb',
    url,
    // The configured HTTPS port, which clickhouse-local never opens (SYSTEM START LISTEN
    // starts TCP and HTTP only): the @https scenarios run, fail, and are listed as expected.
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    user: options.user ?? 'default',
    password: options.password ?? '',
    stop,
    pid: () => child?.pid,
    death: () => death,
    restart: async () => {
      if (child) await stopProcess(child, 5_000);
      await launch();
    },
  };
}
