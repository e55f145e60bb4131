// Durable file operations: a file is written under a temporary name,
// fsynced, renamed into place and its directory fsynced, so after a crash
// it is either absent or whole; a removal is durable once it returns.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Suffix of files being written; a crash may leave them behind, the loader removes them. */
export const TMP_SUFFIX = '.tmp';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeDurable(path: string, data: Uint8Array | string): void {
  const tmp = path + TMP_SUFFIX;
  const fd = openSync(tmp, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let at = 0;
    while (at < buf.byteLength) at += writeSync(fd, buf, at, buf.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncPath(dirname(path));
}

/** mkdir -p, with each new directory's entry made durable in its parent. */
export function mkdirDurable(path: string): void {
  const first = mkdirSync(path, { recursive: true });
  if (first === undefined) return;
  const top = resolve(first);
  for (let p = resolve(path); p.length >= top.length; p = dirname(p)) fsyncPath(dirname(p));
}

export function unlinkDurable(path: string): void {
  unlinkSync(path);
  fsyncPath(dirname(path));
}

/** Remove a directory tree (what is left after its metadata file went: garbage either way). */
export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** A name as a file name: letters, digits and `_` kept, every other byte %XX (ClickHouse's escapeForFileName). */
export function escapeForFileName(name: string): string {
  let out = '';
  for (const b of Buffer.from(name)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
