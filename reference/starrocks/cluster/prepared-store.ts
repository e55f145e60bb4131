// PREPARED transactions kept across a restart, as the FE's journal keeps
// them: at prepare, the transaction and the rows it will publish are written
// durably to DIR/prepared/<txn id>.txn before the prepare is answered; the
// file goes when the transaction ends (VISIBLE or ABORTED). At start-up a
// file whose load is already among the stored labels (committed just before
// a crash) is dropped; the others come back PREPARED, to be committed or
// rolled back as before.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTree, TMP_SUFFIX, unlinkDurable, writeDurable } from '../../engine/storage/files.ts';
import { decodeValue, encodeValue } from '../../engine/storage/values.ts';
import type { PreparedWrite } from './storage.ts';
import type { TableMeta, TabletMeta } from './tables.ts';
import type { Txn } from './transactions.ts';

/** What a file holds: the transaction, and its rows with each row's partition and bucket. */
export interface StoredPrepared {
  txn: Omit<Txn, 'publish'>;
  db: string;
  table: string;
  rows: unknown[][];
  /** Per row: its partition's name and its tablet's index there (tablet ids are not kept). */
  route: [string, number][];
  supplied?: boolean[];
  deletes?: boolean[];
}

export class PreparedStore {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  private file(id: number): string {
    return join(this.dir, `${id}.txn`);
  }

  /** Before the prepare is answered (and before the transaction shows PREPARED): durable once this returns. */
  save(txn: Txn, w: PreparedWrite, preparedTime: number): void {
    const { publish: _publish, ...record } = txn;
    const route = w.tablets.map((t): [string, number] => {
      const p = w.meta.partitions.find((x) => x.id === t.partitionId);
      return [p?.name ?? '', p ? p.tablets.indexOf(t) : 0];
    });
    const stored: StoredPrepared = {
      txn: { ...record, status: 'PREPARED', preparedTime }, db: w.meta.db, table: w.meta.name, rows: w.rows, route,
      ...(w.supplied ? { supplied: w.supplied } : {}), ...(w.deletes ? { deletes: w.deletes } : {}),
    };
    writeDurable(this.file(txn.id), JSON.stringify(encodeValue(stored)));
  }

  /** The transaction ended: its file goes (no file, nothing to do). */
  remove(id: number): void {
    if (existsSync(this.file(id))) unlinkDurable(this.file(id));
  }

  /** Every stored transaction, oldest first; files a crash left half-written are removed. */
  list(): StoredPrepared[] {
    const out: StoredPrepared[] = [];
    for (const name of readdirSync(this.dir)) {
      if (name.endsWith(TMP_SUFFIX)) removeTree(join(this.dir, name));
      else if (name.endsWith('.txn')) out.push(decodeValue(JSON.parse(readFileSync(join(this.dir, name), 'utf8'))) as StoredPrepared);
    }
    return out.sort((a, b) => a.txn.id - b.txn.id);
  }
}

/** The write of a stored transaction, routed to the tablets of the table as the cluster knows it now. */
export function rebuildWrite(p: StoredPrepared, meta: TableMeta): PreparedWrite {
  const first = meta.partitions[0]!.tablets[0]!;
  const tablets = p.route.map(([name, index]): TabletMeta => meta.partitions.find((x) => x.name === name)?.tablets[index] ?? first);
  return {
    meta, rows: p.rows, tablets,
    ...(p.supplied ? { supplied: p.supplied } : {}), ...(p.deletes ? { deletes: p.deletes } : {}),
  };
}
