// A compressing Transform around any encoder stream. The encoder is created
// on the first byte of input: ClickHouse's HTTP response writer has
// compress_empty=false, so an empty body stays empty instead of becoming an
// empty gzip/zstd/… stream.

import type { Duplex, TransformCallback } from 'node:stream';
import { CompressionError } from './errors.ts';
import { InnerStreamTransform } from './inner-stream.ts';

export interface CompressStreamOptions {
  /** Emit a complete (empty) compressed stream for an empty input. Default false, as ClickHouse's responses. */
  compressEmpty?: boolean;
}

export class CompressStream extends InnerStreamTransform {
  readonly #factory: () => Duplex;
  readonly #compressEmpty: boolean;
  #sawInput = false;

  constructor(factory: () => Duplex, options: CompressStreamOptions = {}) {
    super();
    this.#factory = factory;
    this.#compressEmpty = options.compressEmpty ?? false;
  }

  protected createInner(): Duplex {
    return this.#factory();
  }

  protected mapError(err: unknown): Error {
    if (err instanceof CompressionError) return err;
    return err instanceof Error ? err : new Error(String(err));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.length === 0) return callback();
    this.#sawInput = true;
    this.settle(this.guard(() => this.writeInner(chunk)), callback);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.#sawInput && !this.#compressEmpty) return callback();
    this.settle(this.guard(() => this.endInner()), callback);
  }
}
