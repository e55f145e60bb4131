// What a StarRocks FE keeps across a restart: every database and table (its
// image and journal), rows included. The table's metadata (Table.extension)
// is plain data; a loaded table's id is reserved so new tables get new ones.

import type { StoragePolicy } from '../../engine/dialect.ts';
import { reserveTableId } from './ddl.ts';

export const STARROCKS_STORAGE: StoragePolicy = {
  keepsTable: () => true,
  keepsData: () => true,
  decodeExtension: (data) => {
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'number') reserveTableId(id);
    return data;
  },
};
