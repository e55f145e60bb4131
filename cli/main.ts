// The `olapspec` command: parses the command line and hands over to `serve` or `run`.

import { parseArgs } from 'node:util';
import { DataDirError } from '../reference/engine/storage/errors.ts';
import { EMULATED_VERSIONS } from '../reference/clickhouse/compat.ts';
import { FaultSyntaxError, parseFaultOption } from '../reference/http/faults/spec.ts';
import type { FaultOptions } from '../reference/http/faults/spec.ts';
import { TargetUnavailable } from '../steps/runner.ts';
import { USAGE, UsageError } from './usage.ts';

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65535) throw new UsageError(`--${name} must be a port number from 0 to 65535, not '${value}'`);
  return number;
}

function emulatedVersion(value: string): string {
  if (!(EMULATED_VERSIONS as readonly string[]).includes(value)) {
    throw new UsageError(`--clickhouse-version must be one of ${EMULATED_VERSIONS.join(', ')}, not '${value}'`);
  }
  return value;
}

function faults(value: string): FaultOptions {
  try {
    return parseFaultOption(value);
  } catch (err) {
    if (err instanceof FaultSyntaxError) throw new UsageError(`--faults: ${err.message}`);
    throw err;
  }
}

type Flags = { [name: string]: string | undefined } & { help?: boolean };

/** Parses `--name value` flags (all strings) plus --help; anything else is a usage error. */
function parse(args: string[], names: string[]): Flags {
  const options: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string' };
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Flags;
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'serve') {
    const values = parse(rest, ['host', 'clickhouse-port', 'fe-port', 'fe-query-port', 'be-port', 'cn-port', 'config',
      'clickhouse-version', 'faults', 'data-dir']);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const options = {
      host: values.host ?? '127.0.0.1',
      clickhousePort: port('clickhouse-port', values['clickhouse-port'], 8123),
      fePort: port('fe-port', values['fe-port'], 8030),
      feQueryPort: port('fe-query-port', values['fe-query-port'], 9030),
      bePort: port('be-port', values['be-port'], 8040),
      cnPort: port('cn-port', values['cn-port'], 8060),
      ...(values.config !== undefined ? { config: values.config } : {}),
      ...(values['clickhouse-version'] !== undefined ? { clickhouseVersion: emulatedVersion(values['clickhouse-version']) } : {}),
      ...(values.faults !== undefined ? { faults: faults(values.faults) } : {}),
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    };
    const { serve } = await import('./serve.ts');
    await serve(options);
    return 0;
  }
  if (command === 'run') {
    const values = parse(rest, ['target', 'tags', 'report', 'user', 'password', 'query-port']);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const { run } = await import('./run.ts');
    return run({
      target: values.target ?? 'reference',
      ...(values.tags !== undefined ? { tags: values.tags } : {}),
      ...(values.report !== undefined ? { report: values.report } : {}),
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(values.password !== undefined ? { password: values.password } : {}),
      ...(values['query-port'] !== undefined ? { queryPort: port('query-port', values['query-port'], 9030) } : {}),
    });
  }
  if (command === 'matrix') {
    const values = parse(rest, ['report']);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const { writeMatrix } = await import('./matrix.ts');
    const { matrix, files } = await writeMatrix(values.report ?? 'reports');
    if (matrix.columns.length === 0) throw new UsageError(`no results.json under '${values.report ?? 'reports'}': run 'olapspec run' first`);
    const divergent = matrix.rows.filter((r) => r.divergent).length;
    process.stdout.write(`olapspec: ${matrix.rows.length} scenarios on ${matrix.columns.map((c) => c.label).join(', ')}; ` +
      `${divergent} end differently on two targets\n${files.map((f) => `  ${f}\n`).join('')}`);
    return 0;
  }
  if (command === 'compare') {
    const { compareCommand } = await import('./compare.ts');
    return compareCommand(rest);
  }
  if (command === 'images') {
    const [action, ...flags] = rest;
    const values = parse(flags, ['only', 'force']);
    if (values.help || action === undefined) {
      process.stdout.write(USAGE);
      return action === undefined ? 2 : 0;
    }
    const { imagesCommand } = await import('./images/command.ts');
    return imagesCommand(action, { ...(values.only !== undefined ? { only: values.only } : {}), force: values.force === 'yes' });
  }
  if (command === 'diff') {
    const options: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = {
      help: { type: 'boolean', short: 'h' }, target: { type: 'string', multiple: true },
      cases: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, show: { type: 'string' },
      json: { type: 'string' }, baseline: { type: 'string' }, 'update-baseline': { type: 'string' },
    };
    let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
    try {
      values = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const { diffCommand } = await import('./diff/command.ts');
    const { ALL_CATEGORIES } = await import('./diff/cases.ts');
    const count = (name: string, fallback: number): number => {
      const text = values[name] as string | undefined;
      if (text === undefined) return fallback;
      if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not '${text}'`);
      return Number(text);
    };
    const only = values.only as string | undefined;
    if (only !== undefined && !(ALL_CATEGORIES as readonly string[]).includes(only)) {
      throw new UsageError(`--only must be one of ${ALL_CATEGORIES.join(', ')}, not '${only}'`);
    }
    return diffCommand({
      targets: (values.target as string[] | undefined) ?? ['reference', 'clickhouse-chdb'],
      cases: count('cases', 600), seed: count('seed', 1), show: count('show', 3),
      ...(only !== undefined ? { only: only as never } : {}),
      ...(values.json !== undefined ? { json: values.json as string } : {}),
      ...(values.baseline !== undefined ? { baseline: values.baseline as string } : {}),
      updateBaseline: values['update-baseline'] === 'yes',
    });
  }
  if (command === 'truth') {
    const values = parse(rest, ['report']);
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    const { findResults } = await import('./matrix.ts');
    const { checkTruth } = await import('./truth.ts');
    const { readFile } = await import('node:fs/promises');
    const dir = values.report ?? 'reports';
    const runs = await Promise.all((await findResults(dir)).map(async (p) => JSON.parse(await readFile(p, 'utf8'))));
    const report = checkTruth(runs);
    if (!report) throw new UsageError(`no run of a real ClickHouse 26.7 under '${dir}': run 'olapspec run --target clickhouse-chdb' first`);
    for (const { scenario, why } of report.unchecked) {
      process.stdout.write(`unchecked: ${scenario.uri}:${scenario.line ?? ''} ${scenario.name}: ${why}\n`);
    }
    process.stdout.write(`olapspec: on ${report.modern}: ${report.checked} passed, ${report.expected} expected failures, ` +
      `${report.ranged} in a version range checked elsewhere, ${report.fromSource} in a range no run here covers (read from the source they cite), ` +
      `${report.unchecked.length} unchecked\n`);
    return report.unchecked.length === 0 ? 0 : 1;
  }
  throw new UsageError(`unknown command '${command}'`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof TargetUnavailable || err instanceof DataDirError) {
    process.stderr.write(`olapspec: ${err.message}\n`);
    process.exitCode = 1;
  } else if (err instanceof UsageError) {
    process.stderr.write(`olapspec: ${err.message}\nRun 'olapspec --help' for usage.\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`olapspec: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  }
}
