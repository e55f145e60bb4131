// ClickHouse exceptions as the HTTP interface shows them: the errors the
// server raises around the engine (numbered from the one catalogue,
// engine/errors.ts), the `Code: N. DB::Exception: …` text, and the one
// exception-code → HTTP-status map (exceptionCodeToHTTPStatus, 24.8).

import { EngineError, ErrorCodes } from '../engine/errors.ts';
import type { ErrorName } from '../engine/errors.ts';

/** An exception raised by the server around the engine; same shape as EngineError. */
export class ServerError extends Error {
  code: number;
  codeName: ErrorName;
  /** The C++ class ClickHouse names in the text, when not DB::Exception (e.g. DB::ErrnoException). */
  exceptionClass?: string;

  constructor(name: ErrorName, message: string) {
    super(message);
    this.name = 'ServerError';
    this.code = ErrorCodes[name];
    this.codeName = name;
  }
}

/**
 * A Poco exception (e.g. HTMLForm's): no ClickHouse code of its own, so it is
 * reported as POCO_EXCEPTION (1000) in Poco's words.
 */
export class PocoError extends Error {
  pocoCode: number;

  constructor(displayText: string, pocoCode = 0) {
    super(displayText);
    this.name = 'PocoError';
    this.pocoCode = pocoCode;
  }
}

/** Anything carrying a ClickHouse code: EngineError or ServerError. */
export interface CodedError {
  code: number;
  codeName: string;
  message: string;
}

export function isCoded(err: unknown): err is CodedError {
  return (err instanceof EngineError || err instanceof ServerError)
    || (err instanceof Error && typeof (err as Partial<CodedError>).code === 'number'
      && typeof (err as Partial<CodedError>).codeName === 'string');
}

/** Code of any thrown value; non-ClickHouse errors are STD_EXCEPTION (1001). */
export function errorCode(err: unknown): number {
  if (err instanceof PocoError) return 1000;
  return isCoded(err) ? err.code : 1001;
}

/**
 * The exception text of ≈21.8+: `Code: N. DB::Exception: msg. (NAME) (version V)`.
 * A `.` follows the message only when it does not already end with one.
 * Errors that are not ClickHouse exceptions read like C++ std::exception.
 * With `withStackTrace` (the `stacktrace` URL parameter) the trace goes
 * between the text and the version, as getExceptionMessageAndPattern puts it.
 * Without a version (25.12+, before authentication: PR #91003) the text ends
 * with the trace's last frame, the newline after it left out.
 */
export function exceptionText(err: unknown, version: string | undefined, withStackTrace = false): string {
  const frames = withStackTrace ? stackTraceString(err) : '';
  const trace = withStackTrace
    ? `, Stack trace (when copying this message, always include the lines below):\n\n${version === undefined ? frames.replace(/\n$/, '') : frames}`
    : '';
  const suffix = version === undefined ? '' : ` (version ${version})`;
  if (isCoded(err)) {
    const msg = err.message;
    const dot = msg.length > 0 && !msg.endsWith('.') ? '.' : '';
    const cls = (err as { exceptionClass?: string }).exceptionClass ?? 'DB::Exception';
    return `Code: ${err.code}. ${cls}: ${msg}${dot} (${err.codeName})${trace}${suffix}`;
  }
  if (err instanceof PocoError) return `Poco::Exception. Code: 1000, e.code() = ${err.pocoCode}, ${err.message}${trace}${suffix}`;
  const e = err instanceof Error ? err : new Error(String(err));
  return `std::exception. Code: 1001, type: ${e.name}, e.what() = ${e.message}${trace}${suffix}`;
}

const REPO_ROOT = new URL('../../', import.meta.url).href;

/**
 * The stack in StackTrace::toString's layout, one `N. where: function` line
 * per frame, each ending in a newline. The frames are the reference's own:
 * where in its TypeScript the error was raised (ClickHouse prints its C++
 * frames; a debug build also prints the source file and line like this).
 */
export function stackTraceString(err: unknown): string {
  const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
  const frames: string[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:(.+?) \()?(.+?)\)?$/.exec(line);
    if (!m) continue;
    const where = m[2]!.startsWith(REPO_ROOT) ? `./${m[2]!.slice(REPO_ROOT.length)}` : m[2]!;
    frames.push(`${frames.length}. ${where}: ${m[1] ?? '<anonymous>'}\n`);
  }
  return frames.join('');
}

const BY_STATUS: [number, ErrorName[]][] = [
  [401, ['REQUIRED_PASSWORD']],
  // ACCESS_DENIED joined this group only in 2026 (PR #111043); in 24.8 it is a 500.
  [403, ['UNKNOWN_USER', 'WRONG_PASSWORD', 'AUTHENTICATION_FAILED', 'SET_NON_GRANTED_ROLE']],
  [400, ['BAD_ARGUMENTS', 'CANNOT_COMPILE_REGEXP', 'CANNOT_PARSE_TEXT', 'CANNOT_PARSE_ESCAPE_SEQUENCE',
    'CANNOT_PARSE_QUOTED_STRING', 'CANNOT_PARSE_DATE', 'CANNOT_PARSE_DATETIME', 'CANNOT_PARSE_NUMBER',
    'CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING', 'CANNOT_PARSE_IPV4', 'CANNOT_PARSE_IPV6',
    'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'CANNOT_PARSE_UUID', 'DUPLICATE_COLUMN', 'ILLEGAL_COLUMN',
    'UNKNOWN_ELEMENT_IN_AST', 'UNKNOWN_TYPE_OF_AST_NODE', 'THERE_IS_NO_COLUMN', 'TOO_DEEP_AST', 'TOO_BIG_AST',
    'UNEXPECTED_AST_STRUCTURE', 'SYNTAX_ERROR', 'INCORRECT_DATA', 'TYPE_MISMATCH', 'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE']],
  [404, ['UNKNOWN_TABLE', 'UNKNOWN_FUNCTION', 'UNKNOWN_IDENTIFIER', 'UNKNOWN_TYPE', 'UNKNOWN_STORAGE',
    'UNKNOWN_DATABASE', 'UNKNOWN_SETTING', 'UNKNOWN_DIRECTION_OF_SORTING', 'UNKNOWN_AGGREGATE_FUNCTION',
    'UNKNOWN_FORMAT', 'UNKNOWN_DATABASE_ENGINE', 'UNKNOWN_TYPE_OF_QUERY', 'UNKNOWN_ROLE']],
  [413, ['QUERY_IS_TOO_LARGE']],
  [501, ['NOT_IMPLEMENTED']],
  [503, ['SOCKET_TIMEOUT', 'CANNOT_OPEN_FILE']],
  [411, ['HTTP_LENGTH_REQUIRED']],
  [408, ['TIMEOUT_EXCEEDED']],
];

const STATUS_BY_CODE = new Map<number, number>();
for (const [status, names] of BY_STATUS) {
  for (const name of names) STATUS_BY_CODE.set(ErrorCodes[name], status);
}

/** exceptionCodeToHTTPStatus: everything not listed is 500. */
export function httpStatusForCode(code: number): number {
  return STATUS_BY_CODE.get(code) ?? 500;
}
