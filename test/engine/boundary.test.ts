// The core of the engine knows no product: nothing in reference/engine
// outside dialects/ imports a dialect, a server or anything else outside
// the engine (node: modules aside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ENGINE = path.resolve(import.meta.dirname, '../../reference/engine');
const DIALECTS = path.join(ENGINE, 'dialects');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === DIALECTS ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

test('the engine core imports nothing outside itself and no dialect', () => {
  const files = sources(ENGINE);
  assert.ok(files.length > 20, 'the core sources were found');
  const offending: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('node:')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(ENGINE + path.sep) || target.startsWith(DIALECTS + path.sep)) offending.push(`${path.relative(ENGINE, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offending, []);
});
