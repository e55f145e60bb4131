import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress, progressWanted } from '../../cli/progress.ts';

type Envelope = Parameters<Progress['onMessage']>[0];

function stream(columns = 200) {
  const writes: string[] = [];
  return { writes, columns, write: (text: string) => writes.push(text), last: () => writes.at(-1)!.replace(/^\r\x1b\[2K/, '') };
}

const pickle = (id: string, uri: string) => ({ pickle: { id, uri, name: id, language: 'en', steps: [], tags: [], astNodeIds: [] } }) as unknown as Envelope;
const testCase = (id: string, pickleId: string) => ({ testCase: { id, pickleId, testSteps: [] } }) as unknown as Envelope;
const started = (id: string, testCaseId: string) => ({ testCaseStarted: { id, testCaseId, attempt: 0, timestamp: { seconds: 0, nanos: 0 } } }) as unknown as Envelope;
const step = (attempt: string, status: string) =>
  ({ testStepFinished: { testCaseStartedId: attempt, testStepId: 's', testStepResult: { status, duration: { seconds: 0, nanos: 0 } }, timestamp: { seconds: 0, nanos: 0 } } }) as unknown as Envelope;
const finished = (attempt: string, willBeRetried = false) =>
  ({ testCaseFinished: { testCaseStartedId: attempt, willBeRetried, timestamp: { seconds: 0, nanos: 0 } } }) as unknown as Envelope;

test('progress: done of all test cases, failures, time, and the feature running', () => {
  let now = 0;
  const out = stream();
  const progress = new Progress(out, () => now, 0);
  // Three pickles read, two of them left by the tag filter.
  for (const [id, uri] of [['p1', 'features/a.feature'], ['p2', 'features/b.feature'], ['p3', 'features/c.feature']]) progress.onMessage(pickle(id!, uri!));
  assert.equal(progress.total(), 3, 'before cucumber plans its test cases');
  progress.onMessage(testCase('t1', 'p1'));
  progress.onMessage(testCase('t2', 'p2'));
  progress.onMessage({ testRunStarted: { timestamp: { seconds: 0, nanos: 0 } } } as unknown as Envelope);
  assert.equal(progress.total(), 2);
  progress.onMessage(started('a1', 't1'));
  assert.equal(out.last(), 'olapspec: 0/2 scenarios (0%) · 0:00 · features/a.feature');
  progress.onMessage(step('a1', 'FAILED'));
  progress.onMessage(finished('a1', true)); // retried: not done yet
  progress.onMessage(started('a2', 't1'));
  progress.onMessage(step('a2', 'PASSED'));
  progress.onMessage(finished('a2'));
  now = 65_000;
  progress.onMessage(started('a3', 't2'));
  assert.equal(out.last(), 'olapspec: 1/2 scenarios (50%) · 1:05 · features/b.feature');
  progress.onMessage(step('a3', 'UNDEFINED'));
  progress.onMessage(finished('a3'));
  assert.equal(out.last(), 'olapspec: 2/2 scenarios (100%) · 1 failed · 1:05');
  progress.onMessage({ testRunFinished: { success: false, timestamp: { seconds: 0, nanos: 0 } } } as unknown as Envelope);
  assert.equal(out.writes.at(-1), '\r\x1b[2K', 'the line is cleared for the summary that follows');
});

test('progress: a narrow terminal keeps the counts and the end of the feature path', () => {
  const out = stream(60);
  const progress = new Progress(out, () => 0, 0);
  progress.onMessage(pickle('p', 'features/clickhouse/exceptions_in_output_format.feature'));
  progress.onMessage(testCase('t', 'p'));
  progress.onMessage(started('a', 't'));
  assert.equal(out.last(), 'olapspec: 0/1 scenarios (0%) · 0:00 · …utput_format.feature');
  assert.equal(out.last().length, 59, 'the width of the terminal, less one');
  progress.stop();
});

test('progress only on a terminal, and never in CI', () => {
  assert.equal(progressWanted({ isTTY: true }, {}), true);
  assert.equal(progressWanted({ isTTY: true }, { CI: 'true' }), false);
  assert.equal(progressWanted({ isTTY: true }, { CI: 'false' }), true);
  assert.equal(progressWanted({ isTTY: false }, {}), false);
  assert.equal(progressWanted({}, {}), false);
});
