import { test } from 'node:test';
import assert from 'node:assert/strict';
import { QuotaUsage } from '../../reference/engine/access/quotas.ts';
import { type Engine, createClickHouseEngine, context, run } from './helpers.ts';

const T0 = Date.UTC(2026, 0, 1, 10, 15);
const ann = { user: 'ann', quota: 'q' };
const message = (what: string) =>
  `Quota for user \`ann\` for 3600s has been exceeded: ${what}. Interval will end at 2026-01-01 11:00:00. Name of quota template: \`q\``;

test('errors are counted without a check and refuse the next query once over the limit', () => {
  const quotas = new QuotaUsage({ q: { intervals: [{ duration: 3600, errors: 2 }] } });
  for (let i = 0; i < 3; i++) {
    quotas.chargeQuery(ann, T0);
    quotas.chargeError(ann, T0);
  }
  assert.throws(() => quotas.chargeQuery(ann, T0), { code: 201, message: message('errors = 3/2') });
});

test('result_rows, read_rows: the charge that passes the limit fails, with the usage it reached', () => {
  const quotas = new QuotaUsage({ q: { intervals: [{ duration: 3600, resultRows: 10, readRows: 100 }] } });
  quotas.used(ann, 'result_rows', 10, true, T0);
  assert.throws(() => quotas.used(ann, 'result_rows', 1, true, T0), { code: 201, message: message('result_rows = 11/10') });
  assert.throws(() => quotas.used(ann, 'read_rows', 150, true, T0), { message: message('read_rows = 150/100') });
  // Unchecked usage still counts: the next checked use fails.
  assert.throws(() => quotas.used(ann, 'read_rows', 0, true, T0), { message: message('read_rows = 150/100') });
});

test('execution_time is configured in seconds, counted in nanoseconds and printed in seconds', () => {
  const quotas = new QuotaUsage({ q: { intervals: [{ duration: 3600, executionTime: 1 }] } });
  quotas.used(ann, 'execution_time', 1e9, true, T0);
  assert.throws(() => quotas.used(ann, 'execution_time', 5e8, true, T0), { message: message('execution_time = 1.5/1') });
});

test('every interval of the quota counts, and a new interval starts from zero', () => {
  const quotas = new QuotaUsage({ q: { intervals: [{ duration: 60, resultRows: 5 }, { duration: 3600, resultRows: 8 }] } });
  quotas.used(ann, 'result_rows', 5, true, T0);
  quotas.used(ann, 'result_rows', 3, true, T0 + 60_000);
  assert.throws(() => quotas.used(ann, 'result_rows', 1, true, T0 + 60_000), { message: message('result_rows = 9/8') });
});

function engineWithQuota(interval: Record<string, number>): Engine {
  return createClickHouseEngine({
    access: {
      users: { default: { password: '' }, ann: { password: '', quota: 'q' } },
      profiles: { default: {} },
      quotas: { q: { intervals: [{ duration: 3600, ...interval }] } },
    },
  });
}

test('the engine charges result rows per block and fails the query that passes result_rows', async () => {
  const e = engineWithQuota({ resultRows: 10 });
  await run(e, 'SELECT number FROM system.numbers LIMIT 10', context({ user: 'ann' }));
  await assert.rejects(run(e, 'SELECT number FROM numbers(1)', context({ user: 'ann' })), (err: Error) => {
    assert.match(err.message, /^Quota for user `ann` for 3600s has been exceeded: result_rows = 11\/10\. Interval will end at /);
    return true;
  });
});

test('the engine charges rows read and fails the query that passes read_rows', async () => {
  const e = engineWithQuota({ readRows: 10 });
  await assert.rejects(run(e, 'SELECT count() FROM numbers(100)', context({ user: 'ann' })), /read_rows = 100\/10/);
});

test('a failed query counts as an error; the query after the limit is refused at its start', async () => {
  const e = engineWithQuota({ errors: 1 });
  const failing = 'SELECT throwIf(number = 0) FROM numbers(1)';
  for (let i = 0; i < 2; i++) await assert.rejects(run(e, failing, context({ user: 'ann' })), { codeName: 'FUNCTION_THROW_IF_VALUE_IS_NON_ZERO' });
  await assert.rejects(run(e, 'SELECT number FROM numbers(1)', context({ user: 'ann' })), /errors = 2\/1/);
});

test('a query of system.one or a quota table alone is outside the quota: no query, error or row counts', async () => {
  const e = engineWithQuota({ queries: 1, errors: 1 });
  for (const sql of ['SELECT 1', 'SELECT 1 UNION ALL SELECT 2', 'SELECT dummy FROM system.one']) {
    await run(e, sql, context({ user: 'ann' }));
    await run(e, sql, context({ user: 'ann' }));
  }
  for (let i = 0; i < 2; i++) await assert.rejects(run(e, 'SELECT throwIf(1)', context({ user: 'ann' })), { codeName: 'FUNCTION_THROW_IF_VALUE_IS_NON_ZERO' });
  await run(e, 'SELECT number FROM numbers(1)', context({ user: 'ann' }));
  await assert.rejects(run(e, 'SELECT * FROM (SELECT 1)', context({ user: 'ann' })), /queries = 2\/1/);
});
