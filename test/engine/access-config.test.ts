import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuotaUsage } from '../../reference/engine/access/quotas.ts';
import { type Engine, createClickHouseEngine } from './helpers.ts';

test('roles defined in the config, granted through a user\'s grants', () => {
  const e = createClickHouseEngine({
    access: {
      users: { default: { password: '' }, ann: { password: 'p', grants: ['GRANT reader', 'GRANT SELECT ON system.one'] } },
      roles: { reader: { grants: ['GRANT SELECT ON default.*'] }, unused: { grants: [] } },
      profiles: { default: {} },
    },
  });
  assert.deepEqual(e.checkRoles('ann', ['reader', 'reader']), ['reader']);
  assert.throws(() => e.checkRoles('ann', ['unused']), { codeName: 'SET_NON_GRANTED_ROLE' });
  assert.throws(() => e.checkRoles('ann', ['nope']), { codeName: 'UNKNOWN_ROLE' });
});

test('a user granted a role the config does not define is refused at start-up', () => {
  assert.throws(() => createClickHouseEngine({ access: { users: { ann: { grants: ['GRANT ghost'] } }, profiles: { default: {} } } }), { codeName: 'UNKNOWN_ROLE' });
});

test('keyed quota: queries are counted per quota key within the interval', () => {
  const quotas = new QuotaUsage({ q: { keyed: true, intervals: [{ duration: 3600, queries: 2 }] } });
  const t0 = Date.UTC(2026, 0, 1, 10, 15);
  const charge = (key: string, at = t0) => quotas.chargeQuery({ user: 'ann', quota: 'q', quotaKey: key }, at);
  charge('a');
  charge('a');
  assert.throws(() => charge('a'), {
    code: 201,
    message: 'Quota for user `ann` for 3600s has been exceeded: queries = 3/2. Interval will end at 2026-01-01 11:00:00. Name of quota template: `q`',
  });
  charge('b');
  charge('a', Date.UTC(2026, 0, 1, 11, 0, 1)); // a new interval starts counting from zero
});

test('a quota without limits, or a user without a quota, never refuses', () => {
  const quotas = new QuotaUsage({ default: { intervals: [{ duration: 3600, queries: 0 }] } });
  for (let i = 0; i < 5; i++) quotas.chargeQuery({ user: 'ann', quota: 'default' });
  quotas.chargeQuery({ user: 'ann' });
});

test('each engine keeps its own timezone: one built later does not change another', async () => {
  const quotaText = (e: Engine) => {
    const quotas = { q: { intervals: [{ duration: 86400, queries: 1 }] } };
    e.configureAccess({ users: { ann: { password: '', quota: 'q' } }, profiles: { default: {} }, quotas });
    try {
      for (let i = 0; i < 2; i++) e.access.quotas.chargeQuery({ user: 'ann', quota: 'q' }, Date.UTC(2026, 0, 1, 12));
    } catch (err) {
      return (err as Error).message;
    }
    return '';
  };
  const utc = createClickHouseEngine({ timezone: 'UTC' });
  const shanghai = createClickHouseEngine({ timezone: 'Asia/Shanghai' });
  assert.match(quotaText(utc), /Interval will end at 2026-01-02 00:00:00\./);
  assert.match(quotaText(shanghai), /Interval will end at 2026-01-02 08:00:00\./);
});
