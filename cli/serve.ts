// `olapspec serve`: run the reference servers until SIGINT/SIGTERM. Prints one
// `<name> listening on <url>` line per server; the suite's reference target
// waits for the ClickHouse line, so its wording is part of the interface.

import { startReference } from '../reference/index.ts';
import type { ReferenceOptions } from '../reference/index.ts';

export async function serve(opts: ReferenceOptions): Promise<void> {
  const reference = await startReference(opts);
  for (const [name, url] of Object.entries(reference.urls)) {
    process.stdout.write(`${name} listening on ${url}\n`);
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await reference.close();
}
