// The one place the emulated StarRocks release is named: FE/BE version
// strings, `SELECT current_version()` and @@version_comment read it.

import { Engine } from '../engine/index.ts';
import type { StarRocksRelease } from '../engine/dialects/starrocks/variables.ts';

export const STARROCKS_VERSION = '3.3.0-olapspec';
/** The git-hash part StarRocks prints after the version (`3.3.0-olapspec a1b2c3d`). */
export const STARROCKS_COMMIT = 'a1b2c3d';
export const STARROCKS_RELEASE: StarRocksRelease = { release: STARROCKS_VERSION, commit: STARROCKS_COMMIT };
/** What 3.x answers for @@version_comment and prints as a node's Version (SHOW FRONTENDS/BACKENDS). */
export const VERSION_COMMENT = `${STARROCKS_VERSION}-${STARROCKS_COMMIT}`;
/** The FE's default time zone (SessionVariable.time_zone of a server in China, StarRocks' docs' default). */
export const STARROCKS_TIMEZONE = 'Asia/Shanghai';

/** An engine in StarRocks mode (its catalog, dialect, labels) answering as this release. */
export function createStarRocksEngine(timezone = STARROCKS_TIMEZONE): Engine {
  return new Engine({ flavor: 'starrocks', timezone, release: STARROCKS_RELEASE });
}
