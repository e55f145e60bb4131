// A ClickHouse in a container, through testcontainers: the suite's generated
// configuration in a temporary directory mounted at the same path, free
// loopback ports, host networking (nothing is published or bridged), and the
// container removed afterwards. The image says what kind of server it is (the
// org.olapspec.host label of `olapspec images build`'s images): Debian's
// clickhouse-server, or ClickHouse 26.7 from libchdb run as the clickhouse-chdb
// target runs it. Other images are taken to be the official ClickHouse image.

import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chdbServeArgs, chdbWorkingDirectory } from './clickhouse_chdb.ts';
import { containerRuntime, startContainer, type ContainerSpec } from './containers.ts';
import { freePort } from './free_port.ts';
import type { RunningTarget, TargetOptions } from './target.ts';
import { writeTargetConfig } from './target_config.ts';
import { waitForOk } from './wait_http.ts';

/** For users whose machines reach a registry: a current ClickHouse LTS. */
export const DEFAULT_CLICKHOUSE_IMAGE = 'clickhouse/clickhouse-server:26.8';
const HOST_LABEL = 'org.olapspec.host';
const STARTUP_MS = 120_000;

async function openTree(path: string): Promise<void> {
  // The official image runs the server as its own clickhouse user, whose uid this machine does not know.
  await chmod(path, 0o777);
  for (const entry of await readdir(path)) {
    const child = join(path, entry);
    if ((await stat(child)).isDirectory()) await openTree(child);
    else await chmod(child, 0o666);
  }
}

export async function startClickHouseContainer(image: string = DEFAULT_CLICKHOUSE_IMAGE, options: TargetOptions = {}): Promise<RunningTarget> {
  const runtime = await containerRuntime(image);
  const host = runtime.labels?.[HOST_LABEL] ?? 'clickhouse-server';
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-container-'));
  const [httpPort, tcpPort, httpsPort] = [await freePort(), await freePort(), await freePort()];
  const configFile = await writeTargetConfig(dir, { httpPort, tcpPort, httpsPort }, options.configVariant);
  await openTree(dir);
  const url = `http://127.0.0.1:${httpPort}`;

  const spec: ContainerSpec = {
    image,
    mount: dir,
    ...(host === 'clickhouse-chdb'
      ? { command: chdbServeArgs(configFile, httpPort, dir), workdir: await chdbWorkingDirectory(dir) }
      : runtime.labels?.[HOST_LABEL]
        ? { command: [`--config-file=${configFile}`], user: '0:0' }
        : { environment: { CLICKHOUSE_CONFIG: configFile } }),
  };
  let container = await startContainer(runtime, spec, options.log);
  const ready = async () => waitForOk(`${url}/ping`, STARTUP_MS, () => container.death());
  try {
    await ready();
  } catch (err) {
    const logs = await container.logs();
    await container.stop();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${image}: ${(err as Error).message}${logs ? `\n${logs}` : ''}`);
  }
  return {
    name: `clickhouse-container=${image}`,
    host,
    url,
    // clickhouse-local (the 26.7 image) opens no HTTPS port; the @https scenarios then fail as expected.
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    user: options.user ?? 'default',
    password: options.password ?? '',
    death: () => container.death(),
    restart: async () => {
      await container.stop();
      container = await startContainer(runtime, spec, options.log);
      await ready();
    },
    stop: async () => {
      await container.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
