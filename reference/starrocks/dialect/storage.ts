// What a StarRocks FE keeps across a restart: every database and table (its
// image and journal), rows included, and the labels of the loads that
// committed them: each load's job is stored with its rows (the commit record
// of Engine.appendRows), so a load retried with its label after a crash is
// refused exactly when its rows are there. A loaded table's id is reserved
// so that new tables get new ones.

import type { StoragePolicy } from '../../engine/dialect.ts';
import { reserveTableId } from './ddl.ts';
import type { LoadJob, LoadJobs } from './loads.ts';

export function starRocksStorage(loads: LoadJobs): StoragePolicy {
  return {
    keepsTable: () => true,
    keepsData: () => true,
    decodeExtension: (data) => {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') reserveTableId(id);
      return data;
    },
    restoreCommits: (_t, commits) => {
      for (const c of commits) loads.restore(c as LoadJob);
    },
    // A label is remembered while the FE remembers it (label_keep_max_second, or until a DROP DATABASE).
    keepCommits: (commits) => commits.filter((c) => {
      const job = c as LoadJob;
      return loads.find(job.db, job.label)?.txnId === job.txnId;
    }),
  };
}
