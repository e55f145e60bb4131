// `--target starrocks-container[=IMAGE]`: StarRocks' all-in-one image (one FE
// and one BE) in a container through testcontainers, on the host's network. The
// image listens on StarRocks' default ports (FE HTTP 8030, query 9030, BE HTTP
// 8040), which must be free; the target waits for the FE's and the BE's health
// endpoints, then reaches the cluster as `starrocks=http://127.0.0.1:8030` does.

import { containerRuntime, startContainer } from './containers.ts';
import { startStarRocks } from './starrocks.ts';
import type { RunningTarget, TargetOptions } from './target.ts';
import { waitForOk } from './wait_http.ts';

export const DEFAULT_STARROCKS_IMAGE = 'starrocks/allin1-ubuntu:latest';
// The all-in-one image starts its FE, then registers its BE: minutes on a small machine.
const STARTUP_MS = 600_000;

export async function startStarRocksContainer(image: string = DEFAULT_STARROCKS_IMAGE, options: TargetOptions = {}): Promise<RunningTarget> {
  const runtime = await containerRuntime(image);
  const container = await startContainer(runtime, { image }, options.log);
  try {
    await waitForOk('http://127.0.0.1:8030/api/health', STARTUP_MS, () => container.death());
    await waitForOk('http://127.0.0.1:8040/api/health', STARTUP_MS, () => container.death());
  } catch (err) {
    const logs = await container.logs();
    await container.stop();
    throw new Error(`${image}: ${(err as Error).message}${logs ? `\n${logs}` : ''}`);
  }
  const cluster = startStarRocks('http://127.0.0.1:8030', { ...options, queryPort: 9030 });
  return {
    ...cluster,
    name: `starrocks-container=${image}`,
    death: () => container.death(),
    stop: async () => container.stop(),
  };
}
