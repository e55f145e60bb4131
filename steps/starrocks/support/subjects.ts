// The texts a check can name that only a StarRocks cluster has: a value read
// over the MySQL protocol, and the newest rowset of the compaction state the
// last answer showed.

import { objectOf } from '../../support/json_path.ts';
import type { SubjectMaker } from '../../support/subjects.ts';
import { newestVersion, rowsetsOf } from './rowsets.ts';
import { starrocks } from './session.ts';


export const STARROCKS_SUBJECTS: [RegExp, SubjectMaker][] = [
  // The first row's cell; none when the query returns no rows.
  [/column (\d+) of the MySQL query "([^"]*)"/, ([column, sql]) => ({
    read: async (w) => (await starrocks(w).sql(sql!)).rows[0]?.[Number(column) - 1],
  })],
  [/the newest rowset version/, () => ({ read: async (w) => String(newestVersion(rowsetsOf(objectOf(w)))) })],
];
