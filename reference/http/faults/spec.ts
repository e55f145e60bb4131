// The fault syntax shared by `olapspec serve --faults` and the
// X-Olapspec-Fault request header: comma-separated `name=value` pairs,
//   delay=200ms,chunk-delay=10ms,drop-after-bytes=65536,
//   error-after-rows=1000,error=memory,probability=0.1,seed=7
// A pure parser: what each fault does to an answer is up to the server that
// applies it (reference/clickhouse/faults/, reference/starrocks/http/faults.ts).

/** The error raised by error-after-rows, named after what causes it on a real server. */
export const FAULT_ERRORS = ['memory', 'network', 'timeout'] as const;
export type FaultErrorKind = (typeof FAULT_ERRORS)[number];

/** What one answer suffers. Every field is optional: only the named faults apply. */
export interface FaultSpec {
  /** Milliseconds before the server starts on the request, so the head comes that much later. */
  delayMs?: number;
  /** Milliseconds before each piece of the body goes out (a slow stream). */
  chunkDelayMs?: number;
  /** Body bytes sent before the connection is closed without ending the body (0: before the head). */
  dropAfterBytes?: number;
  /** Rows sent before the query fails (only when the result has more). */
  errorAfterRows?: number;
  /** Which error error-after-rows raises (default memory). */
  error?: FaultErrorKind;
  /** Chance, from 0 to 1, that a request gets these faults (default 1). */
  probability?: number;
}

/** The server's option: faults for every request (maybe none), and the seed of the draws. */
export interface FaultOptions {
  spec: FaultSpec;
  /** Seeds the probability draws, so a run with the same requests in the same order replays. */
  seed: number;
}

export class FaultSyntaxError extends Error {}

const KEYS = ['delay', 'chunk-delay', 'drop-after-bytes', 'error-after-rows', 'error', 'probability', 'seed'] as const;

/** `200ms`, `1.5s` or a bare number of milliseconds. */
function duration(key: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value);
  if (!m) throw new FaultSyntaxError(`${key} must be a duration such as 200ms or 2s, not '${value}'`);
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : n;
}

function count(key: string, value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new FaultSyntaxError(`${key} must be a whole number, not '${value}'`);
  }
  return Number(value);
}

function pairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) throw new FaultSyntaxError(`'${item}' is not name=value (names: ${KEYS.join(', ')})`);
    const key = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    if (!(KEYS as readonly string[]).includes(key)) throw new FaultSyntaxError(`unknown fault '${key}' (names: ${KEYS.join(', ')})`);
    if (out.some(([k]) => k === key)) throw new FaultSyntaxError(`'${key}' is given twice`);
    out.push([key, value]);
  }
  return out;
}

/** One spec; `seed` is returned apart, since only the server's option may set it. */
function parse(text: string): { spec: FaultSpec; seed?: number } {
  const spec: FaultSpec = {};
  let seed: number | undefined;
  for (const [key, value] of pairs(text)) {
    switch (key) {
      case 'delay': spec.delayMs = duration(key, value); break;
      case 'chunk-delay': spec.chunkDelayMs = duration(key, value); break;
      case 'drop-after-bytes': spec.dropAfterBytes = count(key, value); break;
      case 'error-after-rows': spec.errorAfterRows = count(key, value); break;
      case 'error':
        if (!(FAULT_ERRORS as readonly string[]).includes(value)) {
          throw new FaultSyntaxError(`error must be one of ${FAULT_ERRORS.join(', ')}, not '${value}'`);
        }
        spec.error = value as FaultErrorKind;
        break;
      case 'probability': {
        const p = Number(value);
        if (value === '' || !Number.isFinite(p) || p < 0 || p > 1) throw new FaultSyntaxError(`probability must be from 0 to 1, not '${value}'`);
        spec.probability = p;
        break;
      }
      case 'seed': seed = count(key, value); break;
    }
  }
  if (spec.error !== undefined && spec.errorAfterRows === undefined) {
    throw new FaultSyntaxError('error names the error of error-after-rows, which is not given');
  }
  return { spec, ...(seed !== undefined ? { seed } : {}) };
}

/**
 * `--faults`: a spec for every request, or `on` for none (the header alone
 * then asks for faults). Without a seed one is drawn; the server prints it.
 */
export function parseFaultOption(text: string): FaultOptions {
  const trimmed = text.trim();
  const { spec, seed } = trimmed === 'on' ? { spec: {}, seed: undefined } : parse(trimmed);
  return { spec, seed: seed ?? Math.floor(Math.random() * 2 ** 31) };
}

/** X-Olapspec-Fault: a spec for this request alone (`none`: no fault, whatever the server's option says). */
export function parseFaultHeader(text: string): FaultSpec {
  const trimmed = text.trim();
  if (trimmed === 'none') return {};
  const { spec, seed } = parse(trimmed);
  if (seed !== undefined) throw new FaultSyntaxError('seed is the server\'s (--faults), not a request\'s');
  return spec;
}

/** What `olapspec serve` prints: the faults, and the seed that replays the run. */
export function faultBanner(options: FaultOptions): string {
  return `faults ${describeFaults(options.spec)} (seed ${options.seed}); requests may ask for others with X-Olapspec-Fault`;
}

/** Back to the syntax. */
export function describeFaults(spec: FaultSpec): string {
  const parts: string[] = [];
  if (spec.delayMs !== undefined) parts.push(`delay=${spec.delayMs}ms`);
  if (spec.chunkDelayMs !== undefined) parts.push(`chunk-delay=${spec.chunkDelayMs}ms`);
  if (spec.dropAfterBytes !== undefined) parts.push(`drop-after-bytes=${spec.dropAfterBytes}`);
  if (spec.errorAfterRows !== undefined) parts.push(`error-after-rows=${spec.errorAfterRows}`);
  if (spec.error !== undefined) parts.push(`error=${spec.error}`);
  if (spec.probability !== undefined) parts.push(`probability=${spec.probability}`);
  return parts.length > 0 ? parts.join(',') : 'none';
}
