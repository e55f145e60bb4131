// `olapspec serve`: run the reference servers until SIGINT/SIGTERM. Prints one
// `<name> listening on <url>` line per server; the suite's reference target
// waits for the ClickHouse line, so its wording is part of the interface.

import { startReference } from '../reference/index.ts';
import type { ReferenceOptions } from '../reference/index.ts';
import { faultBanner } from '../reference/http/faults/spec.ts';

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

export async function serve(opts: ReferenceOptions): Promise<void> {
  // The users have no passwords by default and nothing is encrypted: fine on loopback only.
  if (!isLoopback(opts.host)) {
    process.stderr.write(`olapspec: warning: listening on ${opts.host}, beyond loopback: anyone who reaches it can log in as the default users (no passwords) and read and change the data\n`);
  }
  const reference = await startReference(opts);
  for (const [name, url] of Object.entries(reference.urls)) {
    process.stdout.write(`${name} listening on ${url}\n`);
  }
  if (opts.faults) process.stdout.write(`${faultBanner(opts.faults)}\n`);
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
