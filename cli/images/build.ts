// `olapspec images build`: makes the recipes' images with the Docker at
// DOCKER_HOST and no registry. The Debian root filesystem (debootstrap
// --variant=minbase) is made once per machine and kept in the cache folder;
// each image starts from a copy of it, gets its packages (apt-get in a chroot)
// and files, and is imported as a tar stream (docker import's API). An image
// whose inputs label matches is left as it is.

import { spawn } from 'node:child_process';
import { access, cp, mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { dockerCall, imageLabels, type DockerEndpoint } from '../../steps/runner.ts';
import { DEBIAN_SUITE, INPUTS_LABEL, inputsHash, type ImageRecipe } from './recipes.ts';

const MIRROR = 'http://deb.debian.org/debian';
const COMPLETE = '.olapspec-complete';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OLAPSPEC_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'olapspec');
}

function exec(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const tail: string[] = [];
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        tail.push(line);
        if (tail.length > 15) tail.shift();
        log(line);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => reject(new Error(`${command}: ${err.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${tail.join('\n')}`))));
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** The cached minbase root filesystem, made when missing. */
async function baseRootfs(log: (line: string) => void): Promise<string> {
  const dir = join(cacheDir(), `rootfs-${DEBIAN_SUITE}-minbase`);
  if (await exists(join(dir, COMPLETE))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  log(`debootstrap --variant=minbase ${DEBIAN_SUITE} ${dir}`);
  await exec('debootstrap', ['--variant=minbase', DEBIAN_SUITE, dir, MIRROR], () => undefined);
  await writeFile(join(dir, COMPLETE), `${new Date().toISOString()}\n`);
  return dir;
}

/** The tar stream of a directory, for docker import. */
function tarStream(dir: string): { stream: NodeJS.ReadableStream; done: Promise<void> } {
  const child = spawn('tar', ['-C', dir, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar exited with ${code}: ${stderr}`))));
  });
  return { stream: child.stdout, done };
}

export interface BuildOutcome {
  name: string;
  built: boolean;
  inputs: string;
}

export async function buildImage(docker: DockerEndpoint, recipe: ImageRecipe, log: (line: string) => void,
  options: { force?: boolean } = {}): Promise<BuildOutcome> {
  const inputs = inputsHash(recipe);
  const labels = await imageLabels(docker, recipe.name);
  if (!options.force && labels?.[INPUTS_LABEL] === inputs) return { name: recipe.name, built: false, inputs };

  const base = await baseRootfs(log);
  const work = join(cacheDir(), 'work', recipe.name.replace(/[^A-Za-z0-9.-]+/g, '_'));
  await rm(work, { recursive: true, force: true });
  await mkdir(dirname(work), { recursive: true });
  try {
    // cp -a: the root filesystem has device nodes, which fs.cp cannot copy.
    await exec('cp', ['-a', base, work], () => undefined);
    if (recipe.packages.length > 0) {
      await copyFile('/etc/resolv.conf', join(work, 'etc', 'resolv.conf'));
      log(`apt-get install ${recipe.packages.join(' ')} (chroot)`);
      await exec('chroot', [work, 'apt-get', 'update'], () => undefined);
      await exec('chroot', [work, 'apt-get', 'install', '-y', '--no-install-recommends', ...recipe.packages], () => undefined);
      await exec('chroot', [work, 'apt-get', 'clean'], () => undefined);
      await rm(join(work, 'var', 'lib', 'apt', 'lists'), { recursive: true, force: true });
      await writeFile(join(work, 'etc', 'resolv.conf'), '');
    }
    for (const copy of recipe.copies) {
      const target = join(work, copy.to);
      await mkdir(dirname(target), { recursive: true });
      await cp(copy.from, target, { recursive: true, dereference: true });
    }
    log(`docker import ${recipe.name}`);
    const [repo, tag] = recipe.name.split(':') as [string, string];
    const changes = [...recipe.changes, `LABEL ${INPUTS_LABEL}=${inputs}`];
    const query = new URLSearchParams({ fromSrc: '-', repo, tag, message: recipe.description });
    const params = `${query.toString()}&${changes.map((c) => `changes=${encodeURIComponent(c)}`).join('&')}`;
    const tar = tarStream(work);
    const answer = await dockerCall(docker, 'POST', `/images/create?${params}`, tar.stream as never, { 'content-type': 'application/x-tar' });
    await tar.done;
    // The import answers 200 and reports a failure inside its progress stream.
    const text = typeof answer === 'string' ? answer : JSON.stringify(answer ?? '');
    if (/"error"/.test(text)) throw new Error(`docker import ${recipe.name}: ${text}`);
    if ((await imageLabels(docker, recipe.name))?.[INPUTS_LABEL] !== inputs) throw new Error(`docker import ${recipe.name} did not make the image`);
    return { name: recipe.name, built: true, inputs };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
