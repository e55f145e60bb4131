// The images `olapspec images build` makes without a registry: a Debian root
// filesystem from Debian's packages (debootstrap), what the image serves put
// into it, imported as an image. Each recipe names its inputs; the image
// carries their hash as a label, so it is rebuilt exactly when one changes.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

export const DEBIAN_SUITE = 'bookworm';
/** Bumped when the way images are made changes, so every image is made anew. */
const RECIPE_REVISION = '1';

/** A file or directory of this machine copied into the image. */
export interface ImageCopy {
  from: string;
  to: string;
}

export interface ImageRecipe {
  name: string;
  description: string;
  /** Debian packages installed into the root filesystem. */
  packages: string[];
  copies: ImageCopy[];
  /** Dockerfile instructions applied at import (ENTRYPOINT, LABEL, ENV…). */
  changes: string[];
  /** Everything the image is made of, hashed into its label. */
  inputs: string[];
}

/** The label that says which kind of server the image is (clickhouse-server, clickhouse-chdb): it names the expectation file. */
export const HOST_LABEL = 'org.olapspec.host';
export const INPUTS_LABEL = 'org.olapspec.inputs';

export function inputsHash(recipe: ImageRecipe): string {
  // Where the copies come from differs by checkout; what they are is in `inputs`.
  return createHash('sha256').update(JSON.stringify([RECIPE_REVISION, DEBIAN_SUITE, recipe.packages, recipe.copies.map((c) => c.to), recipe.changes, recipe.inputs]))
    .digest('hex').slice(0, 16);
}

async function packageVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
  return `${name}@${manifest.version}`;
}

export async function clickhouseServerRecipe(debianVersion: string): Promise<ImageRecipe> {
  return {
    name: 'olapspec/clickhouse-server:18.16',
    description: "ClickHouse 18.16: Debian's clickhouse-server package in a Debian root filesystem",
    packages: ['clickhouse-server'],
    copies: [],
    changes: ['ENTRYPOINT ["/usr/sbin/clickhouse-server"]', `LABEL ${HOST_LABEL}=clickhouse-server`],
    inputs: [`clickhouse-server=${debianVersion}`],
  };
}

/** ClickHouse 26.7 from libchdb, the way the clickhouse-chdb target runs it (bin/chdb-host.ts), Node 24 included. */
export async function clickhouseChdbRecipe(): Promise<ImageRecipe> {
  const modules = ['ffi-rs', '@yuuang/ffi-rs-linux-x64-gnu', '@chdb/lib-linux-x64-gnu'];
  const copies: ImageCopy[] = modules.map((name) => ({
    from: dirname(require.resolve(`${name}/package.json`)),
    to: `/opt/olapspec/node_modules/${name}`,
  }));
  copies.push({ from: join(ROOT, 'bin', 'chdb-host.ts'), to: '/opt/olapspec/bin/chdb-host.ts' });
  copies.push({ from: process.execPath, to: '/opt/olapspec/node' });
  const host = await readFile(join(ROOT, 'bin', 'chdb-host.ts'));
  return {
    name: 'olapspec/clickhouse:26.7',
    description: 'ClickHouse 26.7 hosted from its library (libchdb) through ffi-rs, as the clickhouse-chdb target runs it',
    packages: [],
    copies,
    changes: [
      'ENTRYPOINT ["/opt/olapspec/node", "/opt/olapspec/bin/chdb-host.ts", "/opt/olapspec/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so"]',
      `LABEL ${HOST_LABEL}=clickhouse-chdb`,
    ],
    inputs: [...await Promise.all(modules.map(packageVersion)), `node@${process.version}`,
      `chdb-host.ts#${createHash('sha256').update(host).digest('hex')}`],
  };
}
