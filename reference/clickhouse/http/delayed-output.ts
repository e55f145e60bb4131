// CascadeWriteBuffer as HTTPHandler sets it up: the first `memoryLimit` bytes
// of the result are held in memory; past that, either they are pushed on and
// everything else streams (http_response_buffer_size), or — with
// wait_end_of_query — the rest goes to a temporary file and nothing reaches
// the client until the query has finished, so a late error still gets a
// proper status.

import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputStage } from './output-stages.ts';

export class DelayedOutput implements OutputStage {
  private readonly memoryLimit: number;
  private readonly untilEof: boolean;
  private readonly next: OutputStage;
  private memory: Buffer[] = [];
  private memoryBytes = 0;
  private file?: { dir: string; path: string; handle: FileHandle };
  private passthrough = false;

  constructor(memoryLimit: number, untilEof: boolean, next: OutputStage) {
    this.memoryLimit = memoryLimit;
    this.untilEof = untilEof;
    this.next = next;
  }

  /** True once data is flowing to the layers below (the buffer was exceeded). */
  get released(): boolean {
    return this.passthrough;
  }

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    if (this.passthrough) return this.next.write(chunk);
    if (this.file) {
      await this.file.handle.write(chunk);
      return;
    }
    if (this.memoryBytes + chunk.length <= this.memoryLimit) {
      this.memory.push(chunk);
      this.memoryBytes += chunk.length;
      return;
    }
    if (this.untilEof) {
      const dir = await mkdtemp(join(tmpdir(), 'olapspec-http-'));
      const path = join(dir, 'result');
      this.file = { dir, path, handle: await open(path, 'w+') };
      await this.file.handle.write(chunk);
      return;
    }
    this.passthrough = true;
    await this.pushMemory();
    await this.next.write(chunk);
  }

  private async pushMemory(): Promise<void> {
    const held = this.memory;
    this.memory = [];
    this.memoryBytes = 0;
    if (held.length > 0) await this.next.write(Buffer.concat(held));
  }

  async end(): Promise<void> {
    await this.pushMemory();
    if (this.file) {
      const { handle, path } = this.file;
      await handle.close();
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) await this.next.write(chunk as Buffer);
      await this.discard();
    }
    this.passthrough = true;
    await this.next.end();
  }

  /** Only a released buffer has anything below it to flush; a held one keeps its bytes. */
  async flush(): Promise<void> {
    if (this.passthrough) await this.next.flush?.();
  }

  /** The query failed before anything was sent: what was held is thrown away. */
  async discard(): Promise<void> {
    this.memory = [];
    this.memoryBytes = 0;
    const f = this.file;
    this.file = undefined;
    if (f) {
      await f.handle.close().catch(() => undefined);
      await rm(f.dir, { recursive: true, force: true });
    }
  }
}
