// Plumbing shared by codecs that drive another stream (a Node zlib stream or a
// hand-written one) from inside a Transform: chunks go in one at a time, the
// inner stream's output is forwarded with backpressure, and the inner stream
// can be ended and replaced, which the decoders need to read concatenated
// streams the way ClickHouse's read buffers do.

import { Transform, type Duplex, type TransformCallback } from 'node:stream';

export abstract class InnerStreamTransform extends Transform {
  protected inner: Duplex | null = null;
  #innerEnded: Promise<void> | null = null;
  #failure: unknown = null;

  /** A new inner stream for the next member of the input. */
  protected abstract createInner(): Duplex;
  /** The error to report for one the inner stream raised (return null to treat it as a clean end). */
  protected abstract mapError(err: unknown): Error | null;

  protected startInner(): Duplex {
    const inner = this.createInner();
    this.inner = inner;
    inner.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) inner.pause();
    });
    this.#innerEnded = new Promise<void>((resolve, reject) => {
      inner.once('end', resolve);
      inner.once('error', (err) => {
        this.#failure ??= err;
        reject(err);
      });
    });
    // The promise is awaited later; keep an unhandled rejection from firing meanwhile.
    this.#innerEnded.catch(() => {});
    return inner;
  }

  /** Writes one chunk into the inner stream and waits until it has been taken in. */
  protected writeInner(chunk: Buffer): Promise<void> {
    const inner = this.inner ?? this.startInner();
    return new Promise<void>((resolve, reject) => {
      if (this.#failure) return reject(this.#failure);
      const onError = (err: unknown) => reject(err);
      inner.once('error', onError);
      inner.write(chunk, (err) => {
        inner.off('error', onError);
        if (err) reject(err);
        else if (this.#failure) reject(this.#failure);
        else resolve();
      });
    });
  }

  /** Ends the inner stream's input and waits until all its output has been forwarded. */
  protected async endInner(): Promise<void> {
    const inner = this.inner ?? this.startInner();
    const ended = this.#innerEnded!;
    if (!inner.writableEnded) inner.end();
    await ended;
    this.dropInner();
  }

  /** Waits for an inner stream that stopped by itself (its readable side ended) and discards it. */
  protected async finishInner(): Promise<void> {
    await this.#innerEnded;
    this.dropInner();
  }

  protected dropInner(): void {
    const inner = this.inner;
    this.inner = null;
    this.#innerEnded = null;
    this.#failure = null;
    if (inner && !inner.destroyed) {
      inner.removeAllListeners('data');
      inner.on('error', () => {});
      inner.destroy();
    }
  }

  /** Runs a step, turning inner failures into the codec's error; returns false if the error meant "stop cleanly". */
  protected async guard(step: () => Promise<void>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (err) {
      const mapped = this.mapError(err);
      this.dropInner();
      if (mapped) throw mapped;
      return false;
    }
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.dropInner();
    callback(err);
  }

  protected settle(promise: Promise<unknown>, callback: TransformCallback): void {
    promise.then(() => callback(), (err: Error) => callback(err));
  }
}
