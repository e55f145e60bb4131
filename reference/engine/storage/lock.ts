// One server per data directory: DIR/lock names the process that holds it.
// A lock left by a process that is gone (killed) is taken over; one held by
// a live process refuses the start, as clickhouse-server refuses a second
// instance on its path ("Cannot lock file .../status").

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError } from './errors.ts';
import { writeDurable } from './files.ts';

const LOCK_FILE = 'lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(root: string): void {
  const path = join(root, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number(JSON.parse(readFileSync(path, 'utf8')).pid);
  } catch {
    holder = undefined;
  }
  if (holder !== undefined && holder !== process.pid && Number.isInteger(holder) && alive(holder)) {
    throw new DataDirError(`the data directory ${root} is in use by another server (process ${holder}); stop it first, or give this one another --data-dir`);
  }
  writeDurable(path, `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`);
}
