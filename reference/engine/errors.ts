// One catalogue of the ClickHouse error codes the engine raises. Numbers and
// names follow src/Common/ErrorCodes.cpp so a server can print `(NAME)` and map
// the code to an HTTP status without a second table.

export const ErrorCodes = {
  UNSUPPORTED_METHOD: 1,
  LOGICAL_ERROR: 49,
  CANNOT_PARSE_TEXT: 6,
  NUMBER_OF_ARGUMENTS_DOESNT_MATCH: 42,
  CANNOT_PARSE_INPUT_ASSERTION_FAILED: 27,
  CANNOT_PARSE_ESCAPE_SEQUENCE: 25,
  CANNOT_PARSE_QUOTED_STRING: 26,
  CANNOT_PARSE_DATE: 38,
  CANNOT_PARSE_DATETIME: 41,
  CANNOT_PARSE_NUMBER: 72,
  CANNOT_PARSE_BOOL: 467,
  ILLEGAL_TYPE_OF_ARGUMENT: 43,
  ILLEGAL_COLUMN: 44,
  UNKNOWN_FUNCTION: 46,
  UNKNOWN_IDENTIFIER: 47,
  NOT_IMPLEMENTED: 48,
  UNKNOWN_TYPE: 50,
  EMPTY_LIST_OF_COLUMNS_PASSED: 51,
  TYPE_MISMATCH: 53,
  UNKNOWN_STORAGE: 56,
  TABLE_ALREADY_EXISTS: 57,
  UNKNOWN_TABLE: 60,
  SYNTAX_ERROR: 62,
  UNKNOWN_AGGREGATE_FUNCTION: 63,
  CANNOT_CONVERT_TYPE: 70,
  UNKNOWN_FORMAT: 73,
  UNKNOWN_DATABASE: 81,
  DATABASE_ALREADY_EXISTS: 82,
  ILLEGAL_DIVISION: 153,
  UNKNOWN_SETTING: 115,
  INCORRECT_DATA: 117,
  TOO_MANY_ROWS: 158,
  TIMEOUT_EXCEEDED: 159,
  READONLY: 164,
  ILLEGAL_AGGREGATION: 184,
  NOT_AN_AGGREGATE: 215,
  QUERY_WAS_CANCELLED: 394,
  FUNCTION_THROW_IF_VALUE_IS_NON_ZERO: 395,
  TOO_MANY_ROWS_OR_BYTES: 396,
  ARGUMENT_OUT_OF_BOUND: 377,
  BAD_ARGUMENTS: 36,
  DUPLICATE_COLUMN: 15,
  THERE_IS_NO_COLUMN: 8,
  NO_SUCH_COLUMN_IN_TABLE: 16,
  INCORRECT_QUERY: 80,
  INCORRECT_NUMBER_OF_COLUMNS: 7,
  VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE: 321,
  TOO_SLOW: 160,
  DATABASE_NOT_EMPTY: 219,
  UNKNOWN_DATABASE_ENGINE: 336,
  UNEXPECTED_EXPRESSION: 183,
  NO_COMMON_TYPE: 386,
  TOO_LARGE_ARRAY_SIZE: 128,
  ILLEGAL_PREWHERE: 182,
  UNKNOWN_TYPE_OF_QUERY: 78,
  SIZE_OF_FIXED_STRING_DOESNT_MATCH: 131,
  DATABASE_ACCESS_DENIED: 291,
  INVALID_LIMIT_EXPRESSION: 440,
  INCORRECT_RESULT_OF_SCALAR_SUBQUERY: 125,
  NUMBER_OF_COLUMNS_DOESNT_MATCH: 9,
  EMPTY_LIST_OF_COLUMNS_QUERIED: 52,
  ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER: 59,
  CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN: 349,
  TOO_MANY_COLUMNS: 161,
  ENGINE_REQUIRED: 119,
  BAD_QUERY_PARAMETER: 457,
  UNKNOWN_USER: 192,
  ACCESS_DENIED: 497,
} as const;

export type ErrorName = keyof typeof ErrorCodes;

const namesByCode = new Map<number, string>();
for (const [name, code] of Object.entries(ErrorCodes)) {
  namesByCode.set(code, name);
}

export function errorName(code: number): string {
  return namesByCode.get(code) ?? 'UNKNOWN_EXCEPTION';
}

/** An error as ClickHouse would report it; `message` carries no `Code: N.` wrapper. */
export class EngineError extends Error {
  code: number;
  codeName: string;

  constructor(name: ErrorName, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = ErrorCodes[name];
    this.codeName = name;
  }
}

export function engineError(name: ErrorName, message: string): EngineError {
  return new EngineError(name, message);
}
