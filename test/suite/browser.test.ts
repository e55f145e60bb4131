import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserUnavailable, findChromium } from '../../steps/support/browser.ts';

test('$OLAPSPEC_CHROMIUM names the browser, and a wrong one is reported, not replaced', () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-chromium-'));
  try {
    const fake = join(dir, 'my-chromium');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    assert.equal(findChromium({ OLAPSPEC_CHROMIUM: fake }), fake);
    assert.equal(browserUnavailable({ OLAPSPEC_CHROMIUM: fake }), undefined);
    const missing = join(dir, 'none');
    assert.equal(findChromium({ OLAPSPEC_CHROMIUM: missing }), undefined);
    assert.match(browserUnavailable({ OLAPSPEC_CHROMIUM: missing }) ?? '', /is not an executable/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a chromium on PATH is found when the system has none at /usr/bin', { skip: findChromium({ PATH: '' }) !== undefined }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'olapspec-path-'));
  try {
    writeFileSync(join(dir, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(dir, 'chromium'), 0o755);
    assert.equal(findChromium({ PATH: dir }), join(dir, 'chromium'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
