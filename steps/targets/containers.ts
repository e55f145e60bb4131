// What the container targets share: finding the Docker, having the image
// (pulling it when the machine can), and one started container with the
// cleanup rules of this project. testcontainers' reaper (Ryuk) is an image of
// its own that a machine without a registry cannot pull; without it the
// containers carry the run's pid, and the next run removes those whose run is
// gone, so even a killed run leaves nothing behind for long.

import type { Readable } from 'node:stream';
import { TargetUnavailable } from './target.ts';
import { dockerCall, dockerEndpoint, imageLabels, OWNER_LABEL, removeOrphans, type DockerEndpoint } from './docker_api.ts';

const RYUK_IMAGE = 'testcontainers/ryuk:0.14.0';

export interface ContainerRuntime {
  docker: DockerEndpoint;
  /** The image's labels (it is here, pulled if need be). */
  labels: Record<string, string>;
}

/** The Docker and the image, or an Error of one line saying which is missing. */
export async function containerRuntime(image: string): Promise<ContainerRuntime> {
  const { docker, why } = await dockerEndpoint();
  if (!docker) throw new TargetUnavailable(why);
  process.env.DOCKER_HOST ??= docker.host;
  // Containers use the host's network; testcontainers would otherwise look for the
  // bridge network's gateway, and a dockerd started with --bridge=none has none.
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  if (process.env.TESTCONTAINERS_RYUK_DISABLED === undefined && (await imageLabels(docker, process.env.RYUK_CONTAINER_IMAGE ?? RYUK_IMAGE)) === undefined) {
    process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  }
  await removeOrphans(docker);
  let labels = await imageLabels(docker, image);
  if (labels === undefined) {
    if (image.startsWith('olapspec/')) throw new TargetUnavailable(`image ${image} is not here: build it with 'npx olapspec images build'`);
    const [name, tag = 'latest'] = splitImage(image);
    try {
      await dockerCall(docker, 'POST', `/images/create?fromImage=${encodeURIComponent(name)}&tag=${encodeURIComponent(tag)}`);
    } catch (err) {
      throw new TargetUnavailable(`image ${image} is not here and cannot be pulled: ${(err as Error).message.split('\n')[0]}`);
    }
    labels = await imageLabels(docker, image);
    if (labels === undefined) throw new Error(`image ${image} is not here and could not be pulled`);
  }
  return { docker, labels };
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, undefined];
}

export interface ContainerSpec {
  image: string;
  /** A directory mounted at the same path inside, read-write. */
  mount?: string;
  command?: string[];
  environment?: Record<string, string>;
  user?: string;
  workdir?: string;
}

export interface StartedContainer {
  /** Why the container is gone, when it stopped by itself. */
  death(): string | undefined;
  /** The tail of its output. */
  logs(): Promise<string>;
  stop(): Promise<void>;
}

export async function startContainer(runtime: ContainerRuntime, spec: ContainerSpec, log?: (line: string) => void): Promise<StartedContainer> {
  const { GenericContainer } = await import('testcontainers');
  let builder = new GenericContainer(spec.image)
    .withNetworkMode('host')
    .withLabels({ [OWNER_LABEL]: String(process.pid) })
    // The targets wait for /ping themselves, and know the port; the container exposes none.
    .withStartupTimeout(120_000);
  if (spec.mount) builder = builder.withBindMounts([{ source: spec.mount, target: spec.mount, mode: 'rw' }]);
  if (spec.command) builder = builder.withCommand(spec.command);
  if (spec.environment) builder = builder.withEnvironment(spec.environment);
  if (spec.user) builder = builder.withUser(spec.user);
  if (spec.workdir) builder = builder.withWorkingDir(spec.workdir);
  const container = await builder.start();
  const tail: string[] = [];
  let ended = false;
  let stopping = false;
  const stream = await container.logs() as Readable;
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      log?.(line);
    }
  });
  stream.on('end', () => { ended = true; });
  stream.on('error', () => { ended = true; });
  return {
    death: () => (ended && !stopping ? `the container of ${spec.image} stopped` : undefined),
    logs: async () => tail.join('\n'),
    stop: async () => {
      if (stopping) return;
      stopping = true;
      stream.destroy();
      await container.stop({ remove: true, removeVolumes: true, timeout: 5_000 }).catch(async () => {
        await dockerCall(runtime.docker, 'DELETE', `/containers/${container.getId()}?force=1&v=1`).catch(() => undefined);
      });
    },
  };
}
