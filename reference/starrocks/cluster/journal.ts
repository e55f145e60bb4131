// The FE's edit log as far as clients can see it: a journal id that grows with
// every logged change (DDL, transaction state changes), the images written at
// checkpoints, and the meta VERSION file (cluster id, token, run mode).

import { randomInt, randomUUID } from 'node:crypto';

export interface ImageFile {
  version: number;
  createdAt: number;
  content: Buffer;
}

export class Journal {
  maxJournalId = 0;
  readonly clusterId = randomInt(1, 2 ** 31 - 1);
  readonly token = randomUUID();
  readonly runMode = 'shared_nothing';
  readonly images: ImageFile[] = [];
  lastCheckpointTime = 0;
  private readonly rollNum: () => number;
  private readonly now: () => number;
  /** What each entry recorded, kept short for /dump and images. */
  private readonly entries: string[] = [];

  constructor(now: () => number, rollNum: () => number) {
    this.now = now;
    this.rollNum = rollNum;
    this.checkpoint();
  }

  /** Log one change; a checkpoint follows every `edit_log_roll_num` entries. */
  log(op: string): number {
    this.maxJournalId++;
    this.entries.push(`${this.maxJournalId}\t${op}`);
    if (this.entries.length > 10000) this.entries.shift();
    const last = this.images[this.images.length - 1]!;
    if (this.maxJournalId - last.version >= this.rollNum()) this.checkpoint();
    return this.maxJournalId;
  }

  /** Write image.<maxJournalId> (the leader's checkpoint). */
  checkpoint(): ImageFile {
    const existing = this.images.find((i) => i.version === this.maxJournalId);
    if (existing) return existing;
    const content = Buffer.from(`starrocks-image\nversion=${this.maxJournalId}\nclusterId=${this.clusterId}\n${this.entries.join('\n')}\n`);
    const image = { version: this.maxJournalId, createdAt: this.now(), content };
    this.images.push(image);
    this.lastCheckpointTime = image.createdAt;
    return image;
  }

  latestImage(): ImageFile {
    return this.images[this.images.length - 1]!;
  }

  /** The meta VERSION file in java.util.Properties.store form. */
  versionFile(): string {
    return `#${new Date(this.now()).toString()}\nclusterId=${this.clusterId}\ntoken=${this.token}\nrunMode=${this.runMode}\n`;
  }

  dumpText(): string {
    return this.entries.join('\n');
  }
}
