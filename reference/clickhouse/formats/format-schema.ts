// FormatSchemaInfo for a server: the file a format setting names, under the
// server's format_schema_path. The HTTP interface is a server, so absolute
// paths and paths that climb out of the directory are refused; the file is
// read as ReadBufferFromFile would, with its errno errors.

import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ServerError } from '../errors.ts';

/** ClickHouse's default: <path>/format_schemas/ with the default <path>. */
export const DEFAULT_FORMAT_SCHEMA_PATH = '/var/lib/clickhouse/format_schemas/';

/** A std::filesystem error, which reaches the client as STD_EXCEPTION (1001) in the C++ type's name. */
class FilesystemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'std::__1::__fs::filesystem::filesystem_error';
  }
}

function errnoError(name: 'FILE_DOESNT_EXIST' | 'CANNOT_OPEN_FILE' | 'CANNOT_READ_FROM_FILE_DESCRIPTOR', message: string): ServerError {
  const err = new ServerError(name, message);
  err.exceptionClass = 'DB::ErrnoException';
  return err;
}

const STRERROR: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
};

/** Where the schema named `name` lives; BAD_ARGUMENTS for paths a server may not use. */
export function schemaFilePath(name: string, formatSchemaPath: string): string {
  let directory: string;
  try {
    directory = realpathSync(formatSchemaPath);
  } catch {
    throw new FilesystemError(`filesystem error: in canonical: No such file or directory ["${formatSchemaPath}"]`);
  }
  if (isAbsolute(name)) {
    throw new ServerError('BAD_ARGUMENTS', `Absolute path in the 'format_schema' setting is prohibited: ${name}`);
  }
  if (name.includes('/') && !resolve(directory, name).startsWith(`${directory}/`)) {
    throw new ServerError('BAD_ARGUMENTS',
      `Path in the 'format_schema' setting shouldn't go outside the 'format_schema_path' directory: ${formatSchemaPath} (${name} not in ${formatSchemaPath})`);
  }
  return join(`${directory}/`, name);
}

/** The file's bytes; a missing file is FILE_DOESNT_EXIST (107), as ReadBufferFromFile reports it. */
export function readSchemaFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const [errno, text] = STRERROR[code] ?? [5, 'Input/output error'];
    if (code === 'EISDIR') throw errnoError('CANNOT_READ_FROM_FILE_DESCRIPTOR', `Cannot read from file ${path}, errno: ${errno}, strerror: ${text}`);
    throw errnoError(code === 'ENOENT' ? 'FILE_DOESNT_EXIST' : 'CANNOT_OPEN_FILE', `Cannot open file ${path}, errno: ${errno}, strerror: ${text}`);
  }
}
