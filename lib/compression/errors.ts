// Errors raised by the codecs, carrying the ClickHouse error code the server
// must report. The message is ClickHouse's own text, without the
// "Code: N. DB::Exception: " prefix and the "(NAME) (version …)" suffix, which
// the server adds when it formats the exception.

export const ErrorCode = {
  UNEXPECTED_END_OF_FILE: 3,
  CANNOT_READ_ALL_DATA: 33,
  TOO_LARGE_SIZE_COMPRESSED: 39,
  CHECKSUM_DOESNT_MATCH: 40,
  NOT_IMPLEMENTED: 48,
  CORRUPTED_DATA: 246,
  CANNOT_DECOMPRESS: 271,
  ZLIB_INFLATE_FAILED: 354,
  ZLIB_DEFLATE_FAILED: 355,
  UNKNOWN_CODEC: 432,
  BROTLI_READ_FAILED: 448,
  LZMA_STREAM_ENCODER_FAILED: 553,
  LZMA_STREAM_DECODER_FAILED: 554,
  ZSTD_DECODER_FAILED: 561,
  BZIP2_STREAM_DECODER_FAILED: 594,
  BZIP2_STREAM_ENCODER_FAILED: 595,
  LZ4_DECODER_FAILED: 618,
  SNAPPY_UNCOMPRESS_FAILED: 638,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

export class CompressionError extends Error {
  /** ClickHouse's numeric error code, e.g. 354. */
  readonly code: number;
  /** ClickHouse's error name, e.g. "ZLIB_INFLATE_FAILED". */
  readonly codeName: ErrorCodeName;

  constructor(codeName: ErrorCodeName, message: string) {
    super(message);
    this.name = 'CompressionError';
    this.codeName = codeName;
    this.code = ErrorCode[codeName];
  }
}

export const isCompressionError = (err: unknown): err is CompressionError => err instanceof CompressionError;
