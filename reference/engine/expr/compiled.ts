// A compiled expression: its result type and a closure evaluating one row.

import type { DataType } from '../types.ts';
import type { Settings } from '../settings.ts';
import type { Column } from '../columns/column.ts';
import { columnFromValues } from '../columns/builders.ts';

/** Per-query facts functions can read. */
export interface FunctionEnv {
  database: string;
  user: string;
  queryId: string;
  version: string;
  timezone: string;
  settings: Settings;
  hostName: string;
  /** Query start, seconds since the epoch (now() is constant within a query). */
  startTime: number;
  /** Roles of the query (currentRoles()), their closure (enabledRoles()) and the user's defaults (defaultRoles()). */
  currentRoles?: readonly string[];
  enabledRoles?: readonly string[];
  defaultRoles?: readonly string[];
}

/** Mutable state of one block's evaluation. */
export interface EvalState {
  /** Seconds sleepEachRow/sleep asked for while evaluating the current block. */
  sleepSeconds: number;
}

export interface Compiled {
  type: DataType;
  ev: (row: unknown[], st: EvalState) => unknown;
  /** Set when the expression is constant (literal, folded function). */
  isConst?: boolean;
  constValue?: unknown;
  /** Set when the expression just reads column `columnIndex` of the row. */
  columnIndex?: number;
  /** The whole result column from a block's columns (expr/vector.ts), where one is known. */
  vec?: (columns: readonly Column[], length: number) => Column;
}

export function constant(type: DataType, value: unknown): Compiled {
  return { type, ev: () => value, isConst: true, constValue: value, vec: (_columns, n) => columnFromValues(type, new Array(n).fill(value)) };
}

export const NO_STATE: EvalState = { sleepSeconds: 0 };
