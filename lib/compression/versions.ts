// Library versions that ClickHouse 24.8 prints inside some codec error
// messages. They only appear in text, never change behaviour; kept in one
// place so a scenario observed on a real 24.8 can correct them at once.
// LZMA: 18.16–23.3 printed "5.3.1alpha" (ClickHouse issue #49205); the 24.8
// contrib/xz version is UNCONFIRMED. ZSTD: contrib/zstd 1.5.5 (UNCONFIRMED).
// LZ4F_VERSION is the frame API version constant of lz4 1.9.x.

export const LZMA_VERSION_STRING = '5.3.1alpha';
export const ZSTD_VERSION_STRING = '1.5.5';
export const LZ4F_VERSION = 100;
// zlib-ng in zlib-compat mode; printed only when deflateInit2 rejects a level (UNCONFIRMED).
export const ZLIB_VERSION = '1.3.0.zlib-ng';
