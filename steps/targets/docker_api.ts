// The few Docker Engine API calls olapspec makes itself (is there a daemon, is
// an image here, which containers did an earlier run leave behind), over the
// socket DOCKER_HOST names, else /var/run/docker.sock. Running containers is
// testcontainers' job; this is what it does not offer.

import { access } from 'node:fs/promises';
import { Agent, request, type Dispatcher } from 'undici';

const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface DockerEndpoint {
  /** As DOCKER_HOST spells it. */
  host: string;
  origin: string;
  dispatcher?: Dispatcher;
}

/** The Docker the environment names, or why there is none. */
export async function dockerEndpoint(env: NodeJS.ProcessEnv = process.env): Promise<{ docker?: DockerEndpoint; why?: string }> {
  const host = env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`;
  let docker: DockerEndpoint;
  if (host.startsWith('unix://')) {
    const socketPath = host.slice('unix://'.length);
    if (!(await access(socketPath).then(() => true, () => false))) {
      return { why: `no Docker: ${socketPath} does not exist (start dockerd, or set DOCKER_HOST)` };
    }
    docker = { host, origin: 'http://docker', dispatcher: new Agent({ connect: { socketPath } }) };
  } else if (host.startsWith('tcp://')) {
    docker = { host, origin: `http://${host.slice('tcp://'.length)}` };
  } else {
    return { why: `DOCKER_HOST=${host}: only unix:// and tcp:// are supported` };
  }
  try {
    await dockerCall(docker, 'GET', '/_ping');
  } catch (err) {
    return { why: `no Docker answers at ${host}: ${(err as Error).message}` };
  }
  return { docker };
}

export async function dockerCall(docker: DockerEndpoint, method: Dispatcher.HttpMethod, path: string,
  body?: Dispatcher.DispatchOptions['body'], headers: Record<string, string> = {}): Promise<unknown> {
  const res = await request(`${docker.origin}${path}`, {
    method, headers, ...(body !== undefined ? { body } : {}),
    ...(docker.dispatcher ? { dispatcher: docker.dispatcher } : {}),
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) {
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON
    }
    throw new DockerError(res.statusCode, message.trim());
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class DockerError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(`Docker: ${status} ${message}`);
    this.status = status;
  }
}

/** The image's labels, or undefined when the daemon does not have it. */
export async function imageLabels(docker: DockerEndpoint, image: string): Promise<Record<string, string> | undefined> {
  try {
    const info = await dockerCall(docker, 'GET', `/images/${encodeURIComponent(image)}/json`) as { Config?: { Labels?: Record<string, string> | null } };
    return info.Config?.Labels ?? {};
  } catch (err) {
    if (err instanceof DockerError && err.status === 404) return undefined;
    throw err;
  }
}

export const OWNER_LABEL = 'org.olapspec.owner-pid';

/** Removes the containers of earlier olapspec processes that are gone (a run killed before it could clean up). */
export async function removeOrphans(docker: DockerEndpoint): Promise<number> {
  const filters = encodeURIComponent(JSON.stringify({ label: [OWNER_LABEL] }));
  const list = await dockerCall(docker, 'GET', `/containers/json?all=1&filters=${filters}`) as { Id: string; Labels: Record<string, string> }[];
  let removed = 0;
  for (const container of list) {
    const pid = Number(container.Labels[OWNER_LABEL]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    await dockerCall(docker, 'DELETE', `/containers/${container.Id}?force=1&v=1`).catch(() => undefined);
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
