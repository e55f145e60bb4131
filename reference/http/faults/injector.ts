// Decides, request by request, which faults an answer gets: the server's
// --faults spec, or the X-Olapspec-Fault header's in its place, each drawn
// against its probability from one seeded sequence, so that the same requests
// in the same order get the same faults again.
//
// The header counts only on a server started with --faults: without it the
// server never looks at the header, so a client cannot break a stand-in that
// others share unless the developer asked for faults, and a server without
// faults answers byte for byte as before (real ClickHouse ignores the header too).

import { FaultSyntaxError, parseFaultHeader } from './spec.ts';
import type { FaultOptions, FaultSpec } from './spec.ts';

export const FAULT_HEADER = 'x-olapspec-fault';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'faults'; spec: FaultSpec }
  /** A header that does not parse: the server answers it with its own error. */
  | { kind: 'bad'; message: string };

const NONE: FaultDecision = { kind: 'none' };

/** mulberry32: a small, well-known seeded generator; the draws need to replay, not to be secure. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hasFaults(spec: FaultSpec): boolean {
  return spec.delayMs !== undefined || spec.chunkDelayMs !== undefined || spec.dropAfterBytes !== undefined
    || spec.errorAfterRows !== undefined;
}

export class FaultInjector {
  readonly options: FaultOptions;
  private readonly draw: () => number;

  constructor(options: FaultOptions) {
    this.options = options;
    this.draw = seeded(options.seed);
  }

  /** `header`: the request's X-Olapspec-Fault, if any. */
  decide(header: string | string[] | undefined): FaultDecision {
    let spec = this.options.spec;
    const value = Array.isArray(header) ? header.join(',') : header;
    if (value !== undefined) {
      try {
        spec = parseFaultHeader(value);
      } catch (err) {
        if (err instanceof FaultSyntaxError) return { kind: 'bad', message: `Invalid X-Olapspec-Fault header: ${err.message}` };
        throw err;
      }
    }
    if (!hasFaults(spec)) return NONE;
    // Drawn only for requests with a probability, so adding one such header does not shift every later draw.
    if (spec.probability !== undefined && this.draw() >= spec.probability) return NONE;
    return { kind: 'faults', spec };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
