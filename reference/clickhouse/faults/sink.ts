// The Sink between the response and the socket for an answer with faults:
// chunk-delay waits before each piece of the body, drop-after-bytes lets N
// body bytes out (as they leave: compressed, before chunk framing) and then
// closes the connection without ending the body, so the client sees a
// truncated chunked (or HTTP/1.0) body. With N = 0 not even the head goes
// out: the client's request gets no answer at all, whatever the server did
// with it (an INSERT is then committed: the case retries with
// insert_deduplication_token exist for). From the drop on the sink counts as
// gone, so the query stops at its next write as when a client leaves.

import { sleep } from '../../http/faults/injector.ts';
import type { FaultSpec } from '../../http/faults/spec.ts';
import type { HeaderList, Sink } from '../http/sink.ts';

export class FaultSink implements Sink {
  private readonly inner: Sink;
  private readonly chunkDelayMs: number;
  /** Body bytes still allowed out; undefined: no drop. */
  private budget: number | undefined;
  private dropped = false;
  private dropping?: Promise<void>;

  constructor(inner: Sink, spec: FaultSpec) {
    this.inner = inner;
    this.chunkDelayMs = spec.chunkDelayMs ?? 0;
    this.budget = spec.dropAfterBytes;
  }

  get gone(): boolean {
    return this.dropped || this.inner.gone;
  }

  onGone(listener: () => void): void {
    this.inner.onGone(listener);
  }

  /** drop-after-bytes=0: the connection closes instead of the head. */
  private headAllowed(): boolean {
    if (this.budget !== 0) return true;
    void this.drop();
    return false;
  }

  writeHead(status: number, reason: string, headers: HeaderList): void {
    if (!this.dropped && this.headAllowed()) this.inner.writeHead(status, reason, headers);
  }

  beginHead(status: number, reason: string, headers: HeaderList): void {
    if (!this.dropped && this.headAllowed()) this.inner.beginHead(status, reason, headers);
  }

  headerLine(name: string, value: string): void {
    if (!this.dropped) this.inner.headerLine(name, value);
  }

  endHead(headers: HeaderList): void {
    if (!this.dropped) this.inner.endHead(headers);
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.gone || chunk.length === 0) return;
    if (this.chunkDelayMs > 0) await sleep(this.chunkDelayMs);
    if (this.budget === undefined) return this.inner.write(chunk);
    const allowed = Math.min(this.budget, chunk.length);
    this.budget -= allowed;
    if (allowed > 0) await this.inner.write(chunk.subarray(0, allowed));
    if (allowed < chunk.length) await this.drop();
  }

  async end(): Promise<void> {
    if (this.dropped) return this.dropping;
    return this.inner.end();
  }

  abort(): Promise<void> {
    return this.drop();
  }

  private drop(): Promise<void> {
    if (!this.dropped) {
      this.dropped = true;
      this.dropping = this.inner.abort();
    }
    return this.dropping!;
  }
}
