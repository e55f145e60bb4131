// The compression library's public surface, shared by the reference server and the suite's steps.

export { CompressionError, ErrorCode, isCompressionError, type ErrorCodeName } from './errors.ts';
export {
  chooseResponseEncoding, chooseResponseEncodingBy, chooseResponseEncodingByQValues, compressionLevelRange, contentEncodingName, DEFAULT_HTTP_COMPRESSION_LEVEL,
  HTTP_COMPRESSION_METHODS, parseContentEncoding, type AcceptEncodingRule, type HttpCompressionMethod,
} from './http-methods.ts';
export {
  compressBuffer, createCompressStream, createDecompressStream, createResponseCompressStream, decompressBuffer,
  type CompressOptions, type DecompressOptions, type SnappyFormat,
} from './http-codecs.ts';
export {
  createNativeBlockDecoder, decodeNativeBlocks, encodeNativeBlock, encodeNativeBlocks, formatChecksum,
  NATIVE_BLOCK_SIZE, NATIVE_METHOD_BYTE, NativeBlockEncoder, NativeBlockReader,
  type NativeDecodeOptions, type NativeEncodeOptions, type NativeEncoderOptions, type NativeMethod,
} from './native-blocks.ts';
