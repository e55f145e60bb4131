// StarRocks users from `olapspec serve --config FILE`: a <starrocks> section
// next to ClickHouse's settings (XML or YAML), because the reference has no
// FE meta directory to keep users in. Without the section the FE has `root`
// with an empty password, as a fresh StarRocks cluster does.
//
//   <starrocks>
//     <users>
//       <etl><password>secret</password><roles>db_admin, user_admin</roles></etl>
//     </users>
//   </starrocks>

import { at, entries, readConfigTree, text } from '../config/config-tree.ts';
import type { StarRocksUserConfig } from './users.ts';

export function starRocksUsersFromConfig(path: string): StarRocksUserConfig[] | undefined {
  const users = at(readConfigTree(path), 'starrocks.users');
  if (users === undefined) return undefined;
  return entries(users).map(([name, u]) => {
    const roles = (text(at(u, 'roles')) ?? '').split(',').map((r) => r.trim()).filter((r) => r);
    return { name, password: text(at(u, 'password')) ?? '', ...(roles.length ? { roles } : {}) };
  });
}
