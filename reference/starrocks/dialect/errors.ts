// StarRocks' errors as its FE sends them over MySQL: an error number, a
// SQLSTATE and a text. Numbers and texts follow fe-core's
// common/ErrorCode.java; the analyzer wraps its messages as
// `Getting analyzing error. Detail message: <m>.` and the FE reports those
// as 1064 (HY000), as 3.2/3.3 clients show (e.g. `ERROR 1064 (HY000):
// Getting analyzing error. Detail message: Unknown table 'db.t'.`).

import { EngineError } from '../../engine/errors.ts';
import type { ErrorName } from '../../engine/errors.ts';

/**
 * An engine error as the StarRocks FE reports it: the engine's name for it
 * (for the engine's own handling) with the MySQL error number and SQLSTATE.
 */
export class StarRocksError extends EngineError {
  readonly mysqlCode: number;
  readonly sqlState: string;

  constructor(name: ErrorName, message: string, mysqlCode: number, sqlState: string) {
    super(name, message);
    this.name = 'StarRocksError';
    this.mysqlCode = mysqlCode;
    this.sqlState = sqlState;
  }
}

/** A SemanticException of the analyzer: 1064 / HY000 with the analyzing-error wrapper. */
export function analysisError(detail: string, name: ErrorName = 'BAD_ARGUMENTS'): StarRocksError {
  return new StarRocksError(name, `Getting analyzing error. Detail message: ${detail}.`, 1064, 'HY000');
}

/** An error with its own ErrorCode (DdlException and friends). */
export function codedError(name: ErrorName, code: number, sqlState: string, message: string): StarRocksError {
  return new StarRocksError(name, message, code, sqlState);
}

export const srErrors = {
  /** ERR_DB_CREATE_EXISTS */
  databaseExists: (db: string) => codedError('DATABASE_ALREADY_EXISTS', 1007, 'HY000', `Can't create database '${db}'; database exists`),
  /** ERR_DB_DROP_EXISTS */
  dropMissingDatabase: (db: string) => codedError('UNKNOWN_DATABASE', 1008, 'HY000', `Can't drop database '${db}'; database doesn't exist`),
  /** ERR_BAD_DB_ERROR raised by the analyzer. */
  unknownDatabase: (db: string) => analysisError(`Unknown database '${db}'`, 'UNKNOWN_DATABASE'),
  /** USE of a missing database: the FE reports ERR_BAD_DB_ERROR's text without the analyzer wrapper. */
  useUnknownDatabase: (db: string) => codedError('UNKNOWN_DATABASE', 1064, 'HY000', `Unknown database '${db}'`),
  /** ERR_BAD_DB_ERROR as the connection layer reports it (handshake database, COM_INIT_DB). */
  badDatabase: (db: string) => codedError('UNKNOWN_DATABASE', 1049, '42000', `Unknown database '${db}'`),
  /** ERR_NO_DB_ERROR */
  noDatabase: () => codedError('UNKNOWN_DATABASE', 1046, '3D000', 'No database selected'),
  /** ERR_TABLE_EXISTS_ERROR */
  tableExists: (table: string) => codedError('TABLE_ALREADY_EXISTS', 1050, '42S01', `Table '${table}' already exists`),
  /** ERR_BAD_TABLE_ERROR raised by the analyzer. */
  unknownTable: (qualified: string) => analysisError(`Unknown table '${qualified}'`, 'UNKNOWN_TABLE'),
  /** ERR_ACCESS_DENIED_ERROR at login. */
  accessDenied: (user: string, host: string, usingPassword: boolean) =>
    codedError('AUTHENTICATION_FAILED', 1045, '28000', `Access denied for user '${user}'@'${host}' (using password: ${usingPassword ? 'YES' : 'NO'})`),
  /** LabelAlreadyUsedException */
  labelUsed: (label: string) => codedError('BAD_ARGUMENTS', 1064, 'HY000', `Label [${label}] has already been used.`),
  /** ERR_WRONG_VALUE_COUNT */
  columnCount: () => analysisError('Column count doesn\'t match value count', 'NUMBER_OF_COLUMNS_DOESNT_MATCH'),
  /** The parser: `Getting syntax error ...` (1064, 42000). */
  syntax: (line: number, col: number, token: string) =>
    codedError('SYNTAX_ERROR', 1064, '42000', `Getting syntax error at line ${line}, column ${col}. Detail message: Input '${token}' is not valid at this position.`),
};

/** Give an engine (ClickHouse-worded) error StarRocks' number and text before it reaches a MySQL client. */
export function toStarRocksError(e: unknown, database: string): StarRocksError {
  if (e instanceof StarRocksError) return e;
  if (!(e instanceof EngineError)) {
    return codedError('LOGICAL_ERROR', 1064, 'HY000', e instanceof Error ? e.message : String(e));
  }
  const m = e.message;
  switch (e.codeName) {
    case 'UNKNOWN_IDENTIFIER': {
      // The analyzer back-quotes the name (`x`, \-escaped); JOIN USING's message single-quotes it.
      const q = /identifier (?:'([^']*)'|`((?:[^`\\]|\\.)*)`)/.exec(m);
      const id = q?.[1] ?? q?.[2]?.replace(/\\(.)/g, '$1') ?? '';
      return analysisError(`Column '${id}' cannot be resolved`, 'UNKNOWN_IDENTIFIER');
    }
    case 'UNKNOWN_TABLE': {
      const name = /Table (\S+) does not exist/.exec(m)?.[1]?.replace(/`/g, '') ?? '';
      return srErrors.unknownTable(name.includes('.') ? name : `${database}.${name}`);
    }
    case 'UNKNOWN_DATABASE': {
      const db = /Database (\S+) does not exist/.exec(m)?.[1]?.replace(/`/g, '') ?? database;
      return srErrors.unknownDatabase(db);
    }
    case 'UNKNOWN_FUNCTION': {
      const fn = /name '([^']*)'/.exec(m)?.[1] ?? '';
      return analysisError(`No matching function with signature: ${fn}()`, 'UNKNOWN_FUNCTION');
    }
    case 'NOT_AN_AGGREGATE': {
      const col = /Column (\S+) is not under/.exec(m)?.[1] ?? '';
      return analysisError(`'${col}' must be an aggregate expression or appear in GROUP BY clause`, 'NOT_AN_AGGREGATE');
    }
    default:
      return new StarRocksError(e.codeName, m, 1064, 'HY000');
  }
}
