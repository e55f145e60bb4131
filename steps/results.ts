// Turns the cucumber message stream into the small per-run results file:
// which target, which version, when, and how each scenario ended.

import type { runCucumber } from '@cucumber/cucumber/api';

/** A cucumber message, typed through the API so that @cucumber/messages need not be a direct dependency. */
export type Envelope = Parameters<NonNullable<Parameters<typeof runCucumber>[2]>>[0];

export type ScenarioStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'undefined' | 'ambiguous' | 'unknown'
  // Set from the target's expectation file (expectations.ts), never by cucumber.
  | 'expected-failure' | 'unexpected-pass';

export interface ScenarioResult {
  name: string;
  uri: string;
  /** Line of the scenario, or of its example row in a Scenario Outline. */
  line?: number;
  tags: string[];
  status: ScenarioStatus;
  /** The first failing step's message, for a failed scenario. */
  message?: string;
  /** Why the expectation file expects it to fail. */
  reason?: string;
}

export interface RunResults {
  target: string;
  url: string;
  version: string;
  date: string;
  counts: Partial<Record<ScenarioStatus, number>>;
  /** The expectation file applied, relative to the project. */
  expectations?: string;
  scenarios: ScenarioResult[];
}

// Worst first: a scenario takes the worst status among its steps and hooks.
const SEVERITY: ScenarioStatus[] = ['failed', 'ambiguous', 'undefined', 'pending', 'unknown', 'skipped', 'passed'];

export class ResultCollector {
  private readonly pickles = new Map<string, { name: string; uri: string; line?: number; tags: string[] }>();
  private readonly pickleOfTestCase = new Map<string, string>();
  private readonly testCaseOfAttempt = new Map<string, string>();
  private readonly statusOfAttempt = new Map<string, ScenarioStatus>();
  private readonly messageOfAttempt = new Map<string, string>();
  private readonly finishedMessages = new Map<string, string>();
  /** Pickle id → status of its last finished attempt, in the order scenarios finished. */
  private readonly finished = new Map<string, ScenarioStatus>();

  onMessage = (envelope: Envelope): void => {
    if (envelope.pickle) {
      const { id, name, uri, tags, location } = envelope.pickle;
      this.pickles.set(id, { name, uri, ...(location ? { line: location.line } : {}), tags: tags.map((tag) => tag.name) });
    } else if (envelope.testCase) {
      this.pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    } else if (envelope.testCaseStarted) {
      this.testCaseOfAttempt.set(envelope.testCaseStarted.id, envelope.testCaseStarted.testCaseId);
      this.statusOfAttempt.set(envelope.testCaseStarted.id, 'passed');
    } else if (envelope.testStepFinished) {
      const attempt = envelope.testStepFinished.testCaseStartedId;
      const status = envelope.testStepFinished.testStepResult.status.toLowerCase() as ScenarioStatus;
      const before = this.statusOfAttempt.get(attempt) ?? 'passed';
      if (SEVERITY.indexOf(status) < SEVERITY.indexOf(before)) this.statusOfAttempt.set(attempt, status);
      const message = envelope.testStepFinished.testStepResult.message;
      if (status === 'failed' && message && !this.messageOfAttempt.has(attempt)) this.messageOfAttempt.set(attempt, message);
    } else if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried) {
      const attempt = envelope.testCaseFinished.testCaseStartedId;
      const pickleId = this.pickleOfTestCase.get(this.testCaseOfAttempt.get(attempt) ?? '');
      if (pickleId !== undefined) {
        this.finished.set(pickleId, this.statusOfAttempt.get(attempt) ?? 'unknown');
        const message = this.messageOfAttempt.get(attempt);
        if (message !== undefined) this.finishedMessages.set(pickleId, message);
        else this.finishedMessages.delete(pickleId);
      }
    }
  };

  results(run: { target: string; url: string; version: string; date: Date }): RunResults {
    const scenarios: ScenarioResult[] = [];
    const counts: Partial<Record<ScenarioStatus, number>> = {};
    for (const [pickleId, status] of this.finished) {
      const pickle = this.pickles.get(pickleId);
      if (!pickle) continue;
      const message = this.finishedMessages.get(pickleId);
      scenarios.push({ ...pickle, status, ...(message !== undefined ? { message: message.slice(0, 2000) } : {}) });
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return { target: run.target, url: run.url, version: run.version, date: run.date.toISOString(), counts, scenarios };
  }
}
