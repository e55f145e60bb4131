// Adapts a codec with an update/finish API (the napi-rs packages and the
// hand-written framings here) to a Node Transform.

import { Transform, type TransformCallback } from 'node:stream';

export interface UpdateFinishCodec {
  /** Takes a chunk of input; returns the output produced so far (possibly empty). */
  update(chunk: Buffer): Buffer | Buffer[];
  /** Ends the input; returns the rest of the output. */
  finish(): Buffer | Buffer[] | Promise<Buffer | Buffer[]>;
}

export class UpdateFinishTransform extends Transform {
  readonly #codec: UpdateFinishCodec;
  readonly #mapError: (err: unknown) => Error;

  constructor(codec: UpdateFinishCodec, mapError: (err: unknown) => Error = (e) => e as Error) {
    super();
    this.#codec = codec;
    this.#mapError = mapError;
  }

  #emit(out: Buffer | Buffer[]): void {
    for (const b of Array.isArray(out) ? out : [out]) if (b.length > 0) this.push(b);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#emit(this.#codec.update(chunk));
      callback();
    } catch (err) {
      callback(this.#mapError(err));
    }
  }

  override _flush(callback: TransformCallback): void {
    let result;
    try {
      result = this.#codec.finish();
    } catch (err) {
      return callback(this.#mapError(err));
    }
    Promise.resolve(result).then(
      (out) => {
        this.#emit(out);
        callback();
      },
      (err) => callback(this.#mapError(err)),
    );
  }
}
