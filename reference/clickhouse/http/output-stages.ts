// The layers a query's output passes through on its way to the socket, in
// ClickHouse's order (HTTPHandler::Output): the delayed buffer
// (http_response_buffer_size / wait_end_of_query), the native block
// compressor (compress=1), the HTTP Content-Encoding compressor, and the
// response body. Every layer takes bytes with an awaited write, so a slow
// client slows the query down instead of filling memory.

import type { Transform } from 'node:stream';

export interface OutputStage {
  write(chunk: Buffer): Promise<void>;
  /** Flush everything still held and end the layers below. */
  end(): Promise<void>;
  /** Push out what the layer holds without ending anything (a codec's sync flush). */
  flush?(): Promise<void>;
}

/**
 * A compressing Transform as a layer: what it produces is handed down in
 * order. A codec that holds data back (zlib without a flush) simply produces
 * nothing yet, so the response is committed only once bytes really come out.
 */
export class TransformStage implements OutputStage {
  private readonly transform: Transform;
  private readonly next: OutputStage;
  private produced: Buffer[] = [];
  private failure: Error | undefined;

  constructor(transform: Transform, next: OutputStage) {
    this.transform = transform;
    this.next = next;
    transform.on('data', (d: Buffer) => this.produced.push(d));
    transform.on('error', (err) => {
      this.failure ??= err;
    });
  }

  private async forward(): Promise<void> {
    while (this.produced.length > 0) {
      const batch = this.produced;
      this.produced = [];
      await this.next.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
    }
  }

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    await new Promise<void>((resolve, reject) => {
      this.transform.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
    // Output of the write arrives as 'data' events on the following ticks.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.failure) throw this.failure;
    await this.forward();
  }

  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.transform.once('end', resolve);
      this.transform.once('error', reject);
      this.transform.end();
      this.transform.resume();
    });
    await this.forward();
    await this.next.end();
  }

  async flush(): Promise<void> {
    const codec = this.transform as Transform & { flush?: (done: () => void) => void };
    if (typeof codec.flush === 'function') {
      await new Promise<void>((resolve) => codec.flush!(() => resolve()));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await this.forward();
    await this.next.flush?.();
  }

  /** Drop the codec's state (the response is abandoned or restarted). */
  destroy(): void {
    this.transform.destroy();
  }
}
