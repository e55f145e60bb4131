// `olapspec images build [--only NAME] [--force]` and `olapspec images list`.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dockerEndpoint, imageLabels } from '../../steps/runner.ts';
import { buildImage } from './build.ts';
import { clickhouseChdbRecipe, clickhouseServerRecipe, INPUTS_LABEL, inputsHash, type ImageRecipe } from './recipes.ts';

const run = promisify(execFile);

/** The clickhouse-server version Debian gives this machine, as far as it can tell without a download. */
async function debianClickHouseVersion(): Promise<string> {
  const installed = await run('dpkg-query', ['-W', '-f', '${Version}', 'clickhouse-server']).then((r) => r.stdout.trim(), () => '');
  if (installed) return installed;
  const policy = await run('apt-cache', ['policy', 'clickhouse-server']).then((r) => r.stdout, () => '');
  return /Candidate: (\S+)/.exec(policy)?.[1] ?? 'bookworm';
}

export async function recipes(): Promise<ImageRecipe[]> {
  return [await clickhouseServerRecipe(await debianClickHouseVersion()), await clickhouseChdbRecipe()];
}

export async function imagesCommand(action: string | undefined, options: { only?: string; force?: boolean }): Promise<number> {
  const { docker, why } = await dockerEndpoint();
  if (!docker) {
    process.stderr.write(`olapspec images: ${why}\n`);
    return 1;
  }
  const all = await recipes();
  const chosen = options.only ? all.filter((r) => r.name === options.only) : all;
  if (chosen.length === 0) {
    process.stderr.write(`olapspec images: no image named ${options.only}; there are ${all.map((r) => r.name).join(', ')}\n`);
    return 2;
  }
  if (action === 'list') {
    for (const recipe of chosen) {
      const labels = await imageLabels(docker, recipe.name);
      const state = labels === undefined ? 'absent' : labels[INPUTS_LABEL] === inputsHash(recipe) ? 'up to date' : 'out of date';
      process.stdout.write(`${recipe.name}\t${state}\t${recipe.description}\n`);
    }
    return 0;
  }
  if (action !== 'build') {
    process.stderr.write(`olapspec images: say 'build' or 'list'\n`);
    return 2;
  }
  if (process.getuid?.() !== 0) {
    process.stderr.write('olapspec images build: debootstrap and chroot need root\n');
    return 1;
  }
  for (const recipe of chosen) {
    const started = Date.now();
    const outcome = await buildImage(docker, recipe, (line) => process.stdout.write(`  ${line}\n`), options);
    process.stdout.write(`${recipe.name}: ${outcome.built ? `built in ${((Date.now() - started) / 1000).toFixed(0)} s` : 'up to date'} (inputs ${outcome.inputs})\n`);
  }
  return 0;
}
