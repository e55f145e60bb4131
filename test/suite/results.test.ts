import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResultCollector } from '../../steps/runner.ts';

type Message = Parameters<ResultCollector['onMessage']>[0];
const feed = (collector: ResultCollector, messages: object[]) => {
  for (const message of messages) collector.onMessage(message as Message);
};
const finished = (attempt: string, status: string) => ({ testStepFinished: { testCaseStartedId: attempt, testStepResult: { status } } });

test('a scenario takes the worst status of its steps; retries count only once', () => {
  const collector = new ResultCollector();
  feed(collector, [
    { pickle: { id: 'p1', name: 'one', uri: 'a.feature', tags: [{ name: '@x' }] } },
    { pickle: { id: 'p2', name: 'two', uri: 'a.feature', tags: [] } },
    { testCase: { id: 'c1', pickleId: 'p1' } },
    { testCase: { id: 'c2', pickleId: 'p2' } },
    { testCaseStarted: { id: 's1', testCaseId: 'c1' } },
    finished('s1', 'PASSED'), finished('s1', 'FAILED'), finished('s1', 'SKIPPED'),
    { testCaseFinished: { testCaseStartedId: 's1', willBeRetried: false } },
    { testCaseStarted: { id: 's2', testCaseId: 'c2' } },
    finished('s2', 'SKIPPED'),
    { testCaseFinished: { testCaseStartedId: 's2', willBeRetried: false } },
  ]);
  const results = collector.results({ target: 'reference', url: 'http://127.0.0.1:1', version: '24.8.1.1', date: new Date(0) });
  assert.deepEqual(results.counts, { failed: 1, skipped: 1 });
  assert.deepEqual(results.scenarios[0], { name: 'one', uri: 'a.feature', tags: ['@x'], status: 'failed' });
  assert.equal(results.date, '1970-01-01T00:00:00.000Z');
});
