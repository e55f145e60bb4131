// External data for query processing (ExternalTablesHandler, HTMLForm::load):
// a multipart/form-data body whose file parts become temporary tables. A
// table's format, structure or types come from `<name>_format`,
// `<name>_structure` / `<name>_types` in the URL or in form fields sent before
// the file part; a `query` field is appended to the query; `param_<name>`
// fields are query parameters. The form is parsed with @fastify/busboy.

import type { IncomingMessage } from 'node:http';
import { Busboy } from '@fastify/busboy';
import type { BusboyInstance } from '@fastify/busboy';
import { EngineError } from '../engine/errors.ts';
import { parseType } from '../engine/types.ts';
import type { DataType } from '../engine/types.ts';
import { PocoError, ServerError } from './errors.ts';
import { firstParam } from './url-params.ts';
import type { UrlParams } from './url-params.ts';

export interface ExternalTable {
  name: string;
  format: string;
  columns: { name: string; type: DataType }[];
  data: Buffer;
}

export interface MultipartForm {
  /** URL parameters followed by the form's fields, in order. */
  params: [string, string][];
  tables: ExternalTable[];
}

/** Split at top-level commas: `a Tuple(x UInt8, y String), b String`. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

function structureError(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof EngineError ? err.codeName : 'SYNTAX_ERROR';
  throw new EngineError(code, `Error while parsing table structure: ${message}`);
}

/** `name_structure` ("a UInt8, b String") or `name_types` ("UInt8,String" → _1, _2). */
export function tableColumns(name: string, structure: string | undefined, types: string | undefined): ExternalTable['columns'] {
  if (structure !== undefined && structure !== '') {
    try {
      return splitTopLevel(structure).map((decl) => {
        const m = /^(`(?:[^`\\]|\\.)*`|[A-Za-z_][A-Za-z0-9_]*)\s+([\s\S]+)$/.exec(decl);
        if (!m) throw new EngineError('SYNTAX_ERROR', `Syntax error: failed at position 1 ('${decl}'): ${decl}. Expected column declaration`);
        const col = m[1]!.startsWith('`') ? m[1]!.slice(1, -1).replace(/\\(.)/g, '$1') : m[1]!;
        return { name: col, type: parseType(m[2]!.trim()) };
      });
    } catch (err) {
      structureError(err);
    }
  }
  if (types !== undefined && types !== '') {
    try {
      return splitTopLevel(types).map((t, i) => ({ name: `_${i + 1}`, type: parseType(t) }));
    } catch (err) {
      structureError(err);
    }
  }
  throw new ServerError('BAD_ARGUMENTS', `Neither structure nor types have not been provided for external table ${name}. ` +
    `Use fields ${name}_structure or ${name}_types to do so.`);
}

/** What a part over http_max_multipart_form_data_size does. */
export type MultipartOverflow = 'refuse' | 'cut';

/** ExternalTablesHandler::handlePart's LimitReadBuffer over each part. */
function partTooLarge(): ServerError {
  return new ServerError('LIMIT_EXCEEDED', 'Limit for LimitReadBuffer exceeded: the maximum size of multipart/form-data. '
    + "This limit can be tuned by 'http_max_multipart_form_data_size' setting");
}

/**
 * Read the whole form; each file part is described by the parameters seen
 * before it. `maxPartBytes` is http_max_multipart_form_data_size (0: no
 * limit): each part is read through a LimitReadBuffer. `overflow` says what
 * a part of that size or more does: 'refuse' fails the request (code 290),
 * 'cut' keeps its first `maxPartBytes` bytes (see ClickHouseCompat).
 */
export function readMultipart(req: IncomingMessage, urlParams: UrlParams, maxPartBytes = 0,
  overflow: MultipartOverflow = 'refuse'): Promise<MultipartForm> {
  const params: [string, string][] = urlParams.map(([n, v]) => [n, v]);
  const tables: ExternalTable[] = [];
  return new Promise((resolve, reject) => {
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({ headers: req.headers as { 'content-type': string } });
    } catch {
      reject(new PocoError('HTML Form Exception: No boundary line found'));
      return;
    }
    let failed = false;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      req.unpipe(busboy);
      req.resume();
      reject(err);
    };
    busboy.on('field', (name: string, value: string) => {
      params.push([name, value]);
    });
    busboy.on('file', (field: string, stream: NodeJS.ReadableStream) => {
      const name = field === '' ? '_data' : field;
      let columns: ExternalTable['columns'];
      let format: string;
      try {
        format = firstParam(params, `${name}_format`) ?? 'TabSeparated';
        columns = tableColumns(name, firstParam(params, `${name}_structure`), firstParam(params, `${name}_types`));
      } catch (err) {
        stream.resume();
        fail(err);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        if (maxPartBytes > 0 && overflow === 'cut') {
          if (size < maxPartBytes) chunks.push(c.subarray(0, maxPartBytes - size));
          size += c.length;
          return;
        }
        size += c.length;
        if (maxPartBytes > 0 && size >= maxPartBytes) {
          stream.resume();
          fail(partTooLarge());
          return;
        }
        chunks.push(c);
      });
      stream.on('end', () => tables.push({ name, format, columns, data: Buffer.concat(chunks) }));
      stream.on('error', () => undefined);
    });
    busboy.on('error', () => {
      fail(new ServerError('CANNOT_READ_ALL_DATA', 'Unexpected EOF, did not find the last boundary while parsing a multipart HTTP request'));
    });
    busboy.on('finish', () => {
      if (!failed) resolve({ params, tables });
    });
    req.on('error', fail);
    req.pipe(busboy);
  });
}

/** getQuery for forms: every `query` parameter, URL first, concatenated as they come. */
export function formQuery(params: readonly (readonly [string, string])[], paramName = 'query'): string {
  return params.filter(([n]) => n === paramName).map(([, v]) => v).join('');
}
