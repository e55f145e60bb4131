// How the response body is written, as HTTPHandler::processQuery decides it
// right after the session is set up: HTTP compression (enable_http_compression
// + Accept-Encoding, http_zlib_compression_level), compress=1, buffering
// (http_response_buffer_size / buffer_size, http_wait_end_of_query /
// wait_end_of_query) and progress headers. These settings are read from the
// URL directly (the last value wins) because the URL's settings are applied
// only later; the setting names win over the deprecated parameters.

import type { SnappyFormat } from '../../../lib/compression/http-codecs.ts';
import { chooseResponseEncodingBy, type AcceptEncodingRule } from '../../../lib/compression/http-methods.ts';
import { findSetting, parseSettingValue } from '../../engine/settings.ts';
import type { Settings } from '../../engine/settings.ts';
import { hasParam, lastParam } from '../url-params.ts';
import type { UrlParams } from '../url-params.ts';
import type { OutputOptions } from './query-response.ts';

/** DBMS_DEFAULT_BUFFER_SIZE: the response writer's own buffer; memory buffering starts above it. */
export const DEFAULT_BUFFER_SIZE = 1 << 20;

/** params.getParsedLast<T>(name, default) with the setting's parser (and its errors). */
function parsedLast(params: UrlParams, name: string, parseAs: string): unknown {
  const text = lastParam(params, name);
  if (text === undefined) return undefined;
  return parseSettingValue(findSetting(parseAs)!, text);
}

function pick(params: UrlParams, setting: string, deprecated: string | undefined, settings: Settings): unknown {
  if (hasParam(params, setting)) return parsedLast(params, setting, setting);
  if (deprecated !== undefined && hasParam(params, deprecated)) return parsedLast(params, deprecated, setting);
  return settings.get(setting);
}

/** `codecs`: how the emulated version reads Accept-Encoding and writes snappy (compat.ts). */
export function outputOptions(params: UrlParams, settings: Settings, acceptEncoding: string,
  codecs: { acceptEncoding: AcceptEncodingRule; snappy: SnappyFormat }): OutputOptions {
  const enable = Boolean(pick(params, 'enable_http_compression', undefined, settings));
  const level = Number(pick(params, 'http_zlib_compression_level', undefined, settings));
  const bufferTotal = Math.max(Number(pick(params, 'http_response_buffer_size', 'buffer_size', settings)), DEFAULT_BUFFER_SIZE);
  const waitEndOfQuery = Boolean(pick(params, 'http_wait_end_of_query', 'wait_end_of_query', settings));
  const compress = lastParam(params, 'compress');
  return {
    encoding: enable && acceptEncoding !== '' ? chooseResponseEncodingBy(codecs.acceptEncoding, acceptEncoding) : null,
    level,
    snappy: codecs.snappy,
    nativeCompress: compress !== undefined && Boolean(parseSettingValue(findSetting('enable_http_compression')!, compress)),
    bufferBytes: bufferTotal > DEFAULT_BUFFER_SIZE ? bufferTotal : 0,
    waitEndOfQuery,
  };
}
