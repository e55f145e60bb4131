// One updating line while a run goes: scenarios done of all, failures so far,
// time taken and the feature now running. Only on a terminal, never in CI or
// into a file or pipe, where cucumber's 'progress' formatter stays as it was.
// Fed the cucumber message stream, like ResultCollector.

import type { Envelope } from '../steps/runner.ts';

interface Output {
  write(text: string): unknown;
  columns?: number;
}

/** On a terminal and not in CI (CI=true, or any CI value other than false/0). */
export function progressWanted(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return Boolean(stream.isTTY) && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

const FAILING = new Set(['FAILED', 'AMBIGUOUS', 'UNDEFINED', 'PENDING']);
const CLEAR = '\r\x1b[2K';

export class Progress {
  private pickles = 0;
  private testCases = 0;
  private done = 0;
  private failed = 0;
  private feature = '';
  private readonly uriOfPickle = new Map<string, string>();
  private readonly pickleOfTestCase = new Map<string, string>();
  private readonly testCaseOfAttempt = new Map<string, string>();
  private readonly failedAttempts = new Set<string>();
  private readonly startedAt: number;
  private lastDrawn = -Infinity;
  private shown = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly out: Output;
  private readonly now: () => number;
  /** Least time between two redraws, in ms. */
  private readonly every: number;

  constructor(out: Output = process.stdout, now: () => number = Date.now, every = 100) {
    this.out = out;
    this.now = now;
    this.every = every;
    this.startedAt = now();
  }

  onMessage = (envelope: Envelope): void => {
    if (envelope.pickle) {
      this.pickles++;
      this.uriOfPickle.set(envelope.pickle.id, envelope.pickle.uri);
    } else if (envelope.testCase) {
      this.testCases++;
      this.pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    } else if (envelope.testRunStarted) {
      // A long scenario still moves the clock.
      // (cucumber announces its test cases right after this message, so there is nothing to draw yet.)
      this.timer ??= setInterval(() => this.draw(true), 1000);
      this.timer.unref?.();
    } else if (envelope.testCaseStarted) {
      const { id, testCaseId } = envelope.testCaseStarted;
      this.testCaseOfAttempt.set(id, testCaseId);
      this.feature = this.uriOfPickle.get(this.pickleOfTestCase.get(testCaseId) ?? '') ?? this.feature;
      this.draw(false);
    } else if (envelope.testStepFinished) {
      if (FAILING.has(envelope.testStepFinished.testStepResult.status)) this.failedAttempts.add(envelope.testStepFinished.testCaseStartedId);
    } else if (envelope.testCaseFinished) {
      if (envelope.testCaseFinished.willBeRetried) return;
      this.done++;
      if (this.failedAttempts.has(envelope.testCaseFinished.testCaseStartedId)) this.failed++;
      this.draw(this.done === this.total());
    } else if (envelope.testRunFinished) {
      this.stop();
    }
  };

  /** Scenarios to run: the test cases cucumber planned, or until it has, every pickle it read (before the tag filter). */
  total(): number {
    return this.testCases || this.pickles;
  }

  /** The line as it stands, without terminal controls, in at most `width` characters. */
  line(width = Infinity): string {
    const total = this.total();
    const seconds = Math.floor((this.now() - this.startedAt) / 1000);
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    const percent = total === 0 ? 0 : Math.floor((this.done * 100) / total);
    const failed = this.failed > 0 ? ` · ${this.failed} failed` : '';
    const head = `olapspec: ${this.done}/${total} scenarios (${percent}%)${failed} · ${clock}`;
    if (!this.feature || this.done >= total) return head.slice(0, width);
    // Too long for the terminal: keep the counts, cut the feature's path from the left.
    const room = width - head.length - 3;
    if (room < 12) return head.slice(0, width);
    const feature = this.feature.length > room ? `…${this.feature.slice(-(room - 1))}` : this.feature;
    return `${head} · ${feature}`;
  }

  private draw(force: boolean): void {
    const at = this.now();
    if (!force && at - this.lastDrawn < this.every) return;
    this.lastDrawn = at;
    this.out.write(`${CLEAR}${this.line(Math.max(20, (this.out.columns || 100) - 1))}`);
    this.shown = true;
  }

  /** Clears the line (so the summary that follows starts clean) and stops the clock. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.out.write(CLEAR);
    this.shown = false;
  }
}
