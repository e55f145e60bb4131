import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, parseVersion, sinceRequirement, tooOldFor } from '../../steps/support/version.ts';

test('versions compare part by part', () => {
  assert.deepEqual(parseVersion('24.8.1.1'), [24, 8, 1, 1]);
  assert.ok(compareVersions(parseVersion('18.16.1'), parseVersion('19.1')) < 0);
  assert.ok(compareVersions(parseVersion('24.10'), parseVersion('24.8.1.1')) > 0);
  assert.equal(compareVersions(parseVersion('24.8'), parseVersion('24.8.0.0')), 0);
});

test('the newest @since tag is the requirement', () => {
  assert.equal(sinceRequirement(['@clickhouse', '@since:20.7', '@since:21.12']), '21.12');
  assert.equal(sinceRequirement(['@clickhouse']), undefined);
});

test('a target older than @since is too old; the same or newer is not', () => {
  assert.equal(tooOldFor('18.16.1', ['@since:19.1']), true);
  assert.equal(tooOldFor('24.8.1.1', ['@since:24.8']), false);
  assert.equal(tooOldFor('24.8.1.1', ['@since:24.3']), false);
  assert.equal(tooOldFor('18.16.1', ['@doc:http-interface']), false);
});
