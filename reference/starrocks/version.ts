// The one place the emulated StarRocks release is named: FE/BE version
// strings, `SELECT current_version()` and @@version_comment read it.

export const STARROCKS_VERSION = '3.3.0-olapspec';
/** The git-hash part StarRocks prints after the version (`3.3.0-olapspec <hash>`). */
export const STARROCKS_COMMIT = 'a1b2c3d';
export const VERSION_COMMENT = `StarRocks version ${STARROCKS_VERSION}`;
