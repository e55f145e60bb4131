// The one place the emulated StarRocks release is named: FE/BE version
// strings, `SELECT current_version()` and @@version_comment read it.

import { createStarRocksEngine as createEngine } from './dialect/index.ts';
import type { StarRocksEngine } from './dialect/index.ts';
import type { StarRocksRelease } from './dialect/variables.ts';

/**
 * The release line the scenarios follow: the 4.x main line as the source index holds it (its newest
 * release notes are 4.1's, 4.1.0-RC of 2026-02-28). `-olapspec` marks it as no real build.
 */
export const STARROCKS_VERSION = '4.1.0-olapspec';
/**
 * The git-hash part StarRocks prints after the version (`4.1.0-olapspec 1952c87`): the commit most
 * of the checked files were read at (the BE's http/service actions; see the scenarios' `# source:`).
 */
export const STARROCKS_COMMIT = '1952c87';
export const STARROCKS_RELEASE: StarRocksRelease = { release: STARROCKS_VERSION, commit: STARROCKS_COMMIT };
/** What @@version_comment answers and a node's Version (SHOW FRONTENDS/BACKENDS) shows. */
export const VERSION_COMMENT = `${STARROCKS_VERSION}-${STARROCKS_COMMIT}`;
/** The FE's default time zone (SessionVariable.time_zone of a server in China, StarRocks' docs' default). */
export const STARROCKS_TIMEZONE = 'Asia/Shanghai';

/** An engine in StarRocks mode (its catalog, dialect, labels) answering as this release. */
export function createStarRocksEngine(timezone = STARROCKS_TIMEZONE): StarRocksEngine {
  return createEngine(STARROCKS_RELEASE, timezone);
}
