// `olapspec compare --target A --target B [...]`: the suite on each target in
// turn, each into DIR/<target>/, then the matrix of DIR (matrix.html, .md, .json).
// A target that fails, or cannot even start, does not stop the others, and the
// matrix is written whatever happened; the exit status says whether all passed.
// Each run is `olapspec run` (run.ts) in a process of its own: the step modules
// keep run-wide state (the HTTP pools AfterAll closes, the servers started, the
// browser), which one process cannot start afresh for a second run.

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { targetSlug } from '../steps/runner.ts';
import { percentText, writeMatrix } from './matrix.ts';
import type { RunOptions } from './run.ts';
import { USAGE, UsageError } from './usage.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CompareOptions {
  targets: string[];
  tags?: string;
  /** Default: the project's reports/. */
  report?: string;
}

/** One report folder per target: its slug, and -2, -3... where two targets share one. */
export function reportFolders(targets: string[]): string[] {
  const used = new Map<string, number>();
  return targets.map((target) => {
    const slug = targetSlug(target);
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    return n === 1 ? slug : `${slug}-${n}`;
  });
}

type Runner = (options: RunOptions) => Promise<number>;

/** The exit status of a run stopped by Ctrl-C: compare runs no further target, but still writes the matrix. */
const INTERRUPTED = 130;

/** `olapspec run` in a child process, on this terminal; resolves to its exit status. */
export function runInChild(options: RunOptions): Promise<number> {
  const args = [join(ROOT, 'bin', 'olapspec.js'), 'run', '--target', options.target,
    ...(options.tags !== undefined ? ['--tags', options.tags] : []), ...(options.report !== undefined ? ['--report', options.report] : [])];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    // Ctrl-C reaches the child too (one process group); it stops its target, and we wait for it.
    const ignore = () => {};
    process.on('SIGINT', ignore);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      done(signal === 'SIGINT' ? INTERRUPTED : code ?? 1);
    });
  });
}

export async function compare(options: CompareOptions, runOne?: Runner): Promise<number> {
  if (options.targets.length === 0) throw new UsageError('compare needs at least one --target');
  const runner = runOne ?? runInChild;
  const dir = resolve(options.report ?? join(ROOT, 'reports'));
  const folders = reportFolders(options.targets);
  const failed: string[] = [];
  let interrupted = false;
  for (const [i, target] of options.targets.entries()) {
    process.stdout.write(`\nolapspec compare: ${i + 1}/${options.targets.length}: ${target}\n`);
    let status: number;
    try {
      status = await runner({ target, report: join(dir, folders[i]!), ...(options.tags !== undefined ? { tags: options.tags } : {}) });
    } catch (err) {
      process.stderr.write(`olapspec compare: ${target}: ${(err as Error).message}\n`);
      status = 1;
    }
    if (status !== 0) failed.push(target);
    if (status === INTERRUPTED) {
      interrupted = true;
      process.stdout.write('olapspec compare: interrupted, no further target\n');
      break;
    }
  }
  const { matrix, files } = await writeMatrix(dir);
  process.stdout.write('\n');
  for (const column of matrix.columns) {
    process.stdout.write(`olapspec compare: ${column.label}: ${percentText(column.summary)} passed\n`);
  }
  if (matrix.columns.length > 0) {
    const divergent = matrix.rows.filter((r) => r.divergent).length;
    process.stdout.write(`olapspec compare: ${matrix.rows.length} scenarios, ${divergent} end differently on two targets\n` +
      files.map((f) => `  ${f}\n`).join(''));
  } else {
    process.stdout.write(`olapspec compare: no results.json under ${dir}, so no matrix\n`);
  }
  if (failed.length > 0) process.stdout.write(`olapspec compare: failed on ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : interrupted ? INTERRUPTED : 1;
}

/** `olapspec compare ARGS`. */
export async function compareCommand(args: string[], runOne?: Runner): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { target: { type: 'string', multiple: true }, tags: { type: 'string' }, report: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  return compare({
    targets: values.target ?? [],
    ...(values.tags !== undefined ? { tags: values.tags } : {}),
    ...(values.report !== undefined ? { report: values.report } : {}),
  }, runOne);
}
