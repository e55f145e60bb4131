// The `static` and `redirect` handlers of <http_handlers> rules
// (StaticRequestHandler, RedirectRequestHandler). A static rule answers its
// configured status with literal text, a config value or a file under
// user_files_path; anything that goes wrong while answering is sent as a 500
// with the exception text, whatever the configured status was.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { ClickHouseCompat } from '../compat.ts';
import { ServerError, errorCode, exceptionText } from '../errors.ts';
import type { HandlerRule, StaticContent } from '../http-handlers/rules.ts';
import type { HeaderList } from '../http/sink.ts';
import { reasonPhrase } from '../http/status.ts';
import { respond } from './static.ts';

export const STATIC_CONTENT_TYPE = 'text/plain; charset=UTF-8';

/** fs::weakly_canonical: symlinks resolved as far as the path exists, the rest normalised. */
async function weaklyCanonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The file of `file://name`: under user_files_path, a leading `/` dropped, and
 * never outside it. 26.7.2.1 and 24.8 still read whatever the resolved path
 * names; ClickHouse's StaticRequestHandler::writeResponse has since refused a
 * name that resolves (through `..`, an absolute path or a symlink) outside
 * user_files_path with PATH_ACCESS_DENIED. A stand-in must never hand out files
 * beyond the folder it was given, so the reference refuses in every version it
 * emulates.
 */
async function readUserFile(name: string, userFilesPath: string): Promise<Buffer> {
  const relative = name.startsWith('/') ? name.slice(1) : name;
  const base = await realpath(userFilesPath).catch(() => {
    throw new ServerError('CANNOT_OPEN_FILE', `filesystem error: in canonical: No such file or directory [${userFilesPath}]`);
  });
  const path = await weaklyCanonical(resolve(base, relative));
  if (path !== base && !path.startsWith(base.endsWith(sep) ? base : base + sep)) {
    throw new ServerError('PATH_ACCESS_DENIED', `File \`${relative}\` for static HTTPHandler is not inside user files path`);
  }
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ServerError('INCORRECT_FILE_NAME', `Invalid file name ${path} for static HTTPHandler. `);
  if (info.isDirectory()) {
    throw new ServerError('CANNOT_READ_FROM_FILE_DESCRIPTOR', `Cannot read from file ${path}, errno: 21, strerror: Is a directory`);
  }
  return readFile(path);
}

async function contentOf(content: StaticContent, userFilesPath: string): Promise<string | Buffer> {
  switch (content.kind) {
    case 'text': return content.text;
    case 'file': return readUserFile(content.name, userFilesPath);
    case 'incomplete_config_path':
      throw new ServerError('INVALID_CONFIG_PARAMETER',
        'Static handling rule handler must contain a complete configuration path, for example: config://config_key');
  }
}

function contentType(headers: HeaderList): string {
  return headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? STATIC_CONTENT_TYPE;
}

/**
 * `compat`: the version error texts end with (StaticRequestHandler names it even in 26.7, where no login comes
 * first) and how Accept-Encoding is read.
 */
export async function handleStaticRule(req: IncomingMessage, res: ServerResponse, rule: HandlerRule, userFilesPath: string,
  compat: Pick<ClickHouseCompat, 'version' | 'acceptEncoding' | 'snappy' | 'varyAcceptEncoding'>): Promise<void> {
  if (rule.handler.type !== 'static') throw new Error(`${rule.path} is not a static handler`);
  const { version } = compat;
  const base = { contentType: contentType(rule.responseHeaders), headers: rule.responseHeaders, compressible: true, codecs: compat };
  let body: string | Buffer;
  try {
    // Poco does not detect this case itself (the same workaround as the query handler's).
    if (req.method === 'POST' && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      throw new ServerError('HTTP_LENGTH_REQUIRED', 'The Transfer-Encoding is not chunked and there is no Content-Length header for POST request');
    }
    body = await contentOf(rule.handler.content, userFilesPath);
  } catch (err) {
    // trySendExceptionToClient: always 500, the code in a header, the text and a newline as the body.
    return respond(req, res, {
      status: 500,
      body: `${exceptionText(err, version)}\n`,
      contentType: base.contentType,
      headers: [...rule.responseHeaders, ['X-ClickHouse-Exception-Code', String(errorCode(err))]],
    });
  }
  return respond(req, res, { ...base, status: rule.handler.status, body });
}

/** Poco's response.redirect: 302, Location, an empty body of length 0; the rule's headers are set first. */
export function handleRedirectRule(req: IncomingMessage, res: ServerResponse, rule: HandlerRule): Promise<void> {
  if (rule.handler.type !== 'redirect') throw new Error(`${rule.path} is not a redirect handler`);
  res.sendDate = false;
  const keepAlive = req.headers.connection?.toLowerCase() !== 'close' && req.httpVersion !== '1.0';
  const h: HeaderList = [['Date', new Date().toUTCString()], ['Connection', keepAlive ? 'Keep-Alive' : 'Close'],
    ...rule.responseHeaders, ['Content-Length', '0'], ['Location', rule.handler.location]];
  res.writeHead(302, reasonPhrase(302), h.flat());
  return new Promise((done) => res.end(() => done()));
}
