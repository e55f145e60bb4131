import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, parseVersion, outsideRange, sinceRequirement, untilRequirement } from '../../steps/support/version.ts';

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
  assert.equal(outsideRange('18.16.1', ['@since:19.1']), '18.16.1 is older than 19.1');
  assert.equal(outsideRange('24.8.1.1', ['@since:24.8']), undefined);
  assert.equal(outsideRange('24.8.1.1', ['@since:24.3']), undefined);
  assert.equal(outsideRange('18.16.1', ['@doc:http-interface']), undefined);
  assert.equal(untilRequirement(['@until:26.1', '@until:25.8']), '25.8');
  assert.equal(outsideRange('26.7.2.1', ['@until:25.8']), '26.7.2.1 is 25.8 or newer');
  assert.equal(outsideRange('25.7.1', ['@until:25.8']), undefined);
  assert.equal(outsideRange('24.8.1.1', ['@since:24.3', '@until:25.8']), undefined);
});
