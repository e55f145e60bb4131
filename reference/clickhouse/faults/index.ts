// Faults for client authors on the ClickHouse port (olapspec serve --faults):
// what the query handler asks, once per request. It hooks into the request
// path in three places only: the sink it writes through, a start that waits
// (delay) or refuses a bad X-Olapspec-Fault header, and the rows of the result
// (error-after-rows). The engine never knows.

import type { IncomingMessage } from 'node:http';
import type { RowsResult } from '../../engine/api.ts';
import { FAULT_HEADER, FaultInjector, sleep } from '../../http/faults/injector.ts';
import type { FaultOptions, FaultSpec } from '../../http/faults/spec.ts';
import { ServerError } from '../errors.ts';
import type { Sink } from '../http/sink.ts';
import { failAfterRows } from './rows.ts';
import { FaultSink } from './sink.ts';

/** One request's faults. */
export interface RequestFaults {
  /** The sink to write the answer through. */
  sink(inner: Sink): Sink;
  /** Before the request is worked on: waits out `delay`, or throws for a bad header. */
  start(): Promise<void>;
  /** The result as the client is to get it. */
  rows(result: RowsResult): RowsResult;
}

class Planned implements RequestFaults {
  private readonly spec: FaultSpec;

  constructor(spec: FaultSpec) {
    this.spec = spec;
  }

  sink(inner: Sink): Sink {
    return this.spec.chunkDelayMs !== undefined || this.spec.dropAfterBytes !== undefined ? new FaultSink(inner, this.spec) : inner;
  }

  async start(): Promise<void> {
    if (this.spec.delayMs) await sleep(this.spec.delayMs);
  }

  rows(result: RowsResult): RowsResult {
    return this.spec.errorAfterRows === undefined ? result : failAfterRows(result, this.spec.errorAfterRows, this.spec.error);
  }
}

/** A header that does not parse is answered like any bad request: 400 with BAD_ARGUMENTS. */
class Refused implements RequestFaults {
  private readonly message: string;

  constructor(message: string) {
    this.message = message;
  }

  sink(inner: Sink): Sink {
    return inner;
  }

  async start(): Promise<void> {
    throw new ServerError('BAD_ARGUMENTS', this.message);
  }

  rows(result: RowsResult): RowsResult {
    return result;
  }
}

export class ClickHouseFaults {
  private readonly injector: FaultInjector;

  constructor(options: FaultOptions) {
    this.injector = new FaultInjector(options);
  }

  /** undefined: this request is answered as without faults. */
  forRequest(req: IncomingMessage): RequestFaults | undefined {
    const decision = this.injector.decide(req.headers[FAULT_HEADER]);
    switch (decision.kind) {
      case 'none': return undefined;
      case 'bad': return new Refused(decision.message);
      case 'faults': return new Planned(decision.spec);
    }
  }
}
