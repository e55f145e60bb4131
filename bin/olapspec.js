#!/usr/bin/env node
// Plain JavaScript so that an old Node can still say what is wrong instead of
// failing on TypeScript syntax; the CLI itself is TypeScript run by Node 24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `olapspec needs Node 24 or newer (this is ${process.version}).\n` +
    'Run it through npm (npm start, npm test, npx olapspec) so that the pinned node@24 from devDependencies is used.\n');
  process.exit(2);
}
// V8's code cache (and the stripped TypeScript) kept between runs: every
// start of the CLI and of the servers it spawns saves the compile.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../cli/main.ts');
