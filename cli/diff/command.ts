// `olapspec diff`: the same seeded cases sent to two servers (by default the
// reference and real ClickHouse 26.7 from libchdb), agreement per category
// with the mismatches, optionally checked against a committed baseline that is
// only ever raised.
//
//   olapspec diff [--target A --target B] [--cases N] [--seed S] [--only CATEGORY]
//                 [--show K] [--json FILE] [--baseline FILE [--update-baseline yes]]

import { readFile, writeFile } from 'node:fs/promises';
import { startTarget, type RunningTarget } from '../../steps/runner.ts';
import { ALL_CATEGORIES, OWN_RUN_CATEGORIES, generateCase, type Category } from './cases.ts';
import { runCase, type CaseOutcome, type Endpoint } from './compare.ts';

export interface DiffOptions {
  targets: string[];
  cases: number;
  seed: number;
  only?: Category;
  show: number;
  json?: string;
  baseline?: string;
  updateBaseline?: boolean;
}

export type Agreement = Record<string, { agreed: number; total: number; percent: number }>;

export function agreementOf(outcomes: CaseOutcome[]): Agreement {
  const result: Agreement = {};
  for (const o of outcomes) {
    const entry = (result[o.case.category] ??= { agreed: 0, total: 0, percent: 0 });
    entry.total++;
    if (o.agreed) entry.agreed++;
  }
  for (const entry of Object.values(result)) entry.percent = Math.floor((entry.agreed / entry.total) * 1000) / 10;
  return result;
}

/**
 * Categories that agree less than the baseline says they did: with `only` that category alone,
 * else the rotation's (a category run on its own is checked in its own run).
 */
export function belowBaseline(agreement: Agreement, baseline: Record<string, number>, only?: string): string[] {
  const checked = (category: string): boolean => (only === undefined ? !(OWN_RUN_CATEGORIES as readonly string[]).includes(category) : category === only);
  return Object.entries(baseline).filter(([category]) => checked(category))
    .filter(([category, percent]) => (agreement[category]?.percent ?? 0) < percent)
    .map(([category, percent]) => `${category}: ${agreement[category]?.percent ?? 0}% < baseline ${percent}%`);
}

const endpointOf = (t: RunningTarget): Endpoint => ({ name: t.name, url: t.url, user: t.user, password: t.password });

export async function diffCommand(options: DiffOptions): Promise<number> {
  if (options.targets.length !== 2) throw new Error('olapspec diff compares two targets: give --target twice (or neither)');
  const started: RunningTarget[] = [];
  try {
    for (const spec of options.targets) started.push(await startTarget(spec));
    const [a, b] = started.map(endpointOf) as [Endpoint, Endpoint];
    process.stdout.write(`olapspec diff: ${options.cases} cases, seed ${options.seed}: ${a.name} vs ${b.name}\n`);
    const outcomes: CaseOutcome[] = [];
    for (let i = 0; i < options.cases; i++) outcomes.push(await runCase(generateCase(options.seed, i, options.only), a, b));
    const agreement = agreementOf(outcomes);
    for (const category of ALL_CATEGORIES) {
      const entry = agreement[category];
      if (!entry) continue;
      process.stdout.write(`  ${category.padEnd(8)} ${String(entry.percent).padStart(5)}%  (${entry.agreed}/${entry.total})\n`);
      for (const o of outcomes.filter((x) => x.case.category === category && !x.agreed).slice(0, options.show)) {
        const step = o.case.requests.length > 1 ? `request ${o.difference!.step + 1}: ` : '';
        process.stdout.write(`    #${o.case.index} ${o.case.title.slice(0, 140)}\n      ${step}${o.difference!.what}\n`);
      }
    }
    const total = outcomes.filter((o) => o.agreed).length;
    process.stdout.write(`  overall  ${((total / Math.max(1, outcomes.length)) * 100).toFixed(1)}%  (${total}/${outcomes.length}); ` +
      `cases are numbered from 0, so --seed ${options.seed} --cases N+1 replays case N\n`);
    if (options.json) {
      await writeFile(options.json, `${JSON.stringify({ seed: options.seed, targets: [a.name, b.name], agreement,
        mismatches: outcomes.filter((o) => !o.agreed).map((o) => ({ index: o.case.index, category: o.case.category, title: o.case.title, ...o.difference })) }, null, 2)}\n`);
    }
    if (!options.baseline) return 0;
    const baseline = JSON.parse(await readFile(options.baseline, 'utf8').catch(() => '{}')) as Record<string, number>;
    if (options.updateBaseline) {
      // Only ever raised: a category that agrees less than before keeps its old mark.
      const raised = { ...baseline };
      for (const [category, entry] of Object.entries(agreement)) raised[category] = Math.max(baseline[category] ?? 0, entry.percent);
      await writeFile(options.baseline, `${JSON.stringify(raised, null, 2)}\n`);
      process.stdout.write(`olapspec diff: baseline ${options.baseline} raised where agreement grew\n`);
    }
    const below = belowBaseline(agreement, baseline, options.only);
    for (const line of below) process.stdout.write(`olapspec diff: BELOW BASELINE ${line}\n`);
    return below.length === 0 ? 0 : 1;
  } finally {
    await Promise.all(started.map((t) => t.stop()));
  }
}
