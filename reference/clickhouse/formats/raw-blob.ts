// RawBLOB: the values' bytes back to back with nothing between them
// (RawBLOBRowOutputFormat writes IColumn::getDataAt): a string's bytes, a
// number's little-endian memory, nothing for NULL; an array of fixed-size
// numbers is its elements' memory, any other array has none to give
// (NOT_IMPLEMENTED). Input reads the whole body into one String value.

import type { ColumnDef } from '../../engine/api.ts';
import { unwrapNullable } from '../../engine/types.ts';
import { EngineError } from '../../engine/errors.ts';
import { writeValue } from './row-binary.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

function valueBytes(column: ColumnDef, value: unknown): string {
  if (value === null) return '';
  let t = unwrapNullable(column.type);
  if (t.kind === 'LowCardinality') t = unwrapNullable(t.inner!);
  if (t.kind === 'String') return Buffer.from(value as string, 'utf8').toString('latin1');
  const parts: Buffer[] = [];
  const noData = (): never => {
    throw new EngineError('NOT_IMPLEMENTED', `Method getDataAt is not supported for ${t.name}: While executing RawBLOBRowOutputFormat`);
  };
  if (t.kind === 'Tuple' || t.kind === 'Map') noData();
  if (t.kind === 'Array') {
    const inner = t.inner!;
    if (['Array', 'Nullable', 'String', 'Tuple', 'Map', 'LowCardinality'].includes(inner.kind)) noData();
    for (const item of value as unknown[]) writeValue(inner, item, parts);
    return Buffer.concat(parts).toString('latin1');
  }
  writeValue(t, value, parts);
  return Buffer.concat(parts).toString('latin1');
}

const rawBlobOutput: OutputFormat = {
  name: 'RawBLOB',
  binary: true,
  contentType: () => 'text/plain; charset=UTF-8',
  create(columns: readonly ColumnDef[], _ctx: FormatContext): RowOutput {
    return {
      prefix: () => '',
      block(rows) {
        let out = '';
        for (const row of rows) columns.forEach((c, i) => { out += valueBytes(c, row[i]); });
        return out;
      },
      suffix: () => '',
    };
  },
};

const rawBlobInput: InputFormat = {
  name: 'RawBLOB',
  binary: true,
  read(text, columns) {
    if (columns.length > 1) {
      throw new EngineError('BAD_ARGUMENTS',
        `This input format is only suitable for tables with a single column of type String but the number of columns is ${columns.length}`);
    }
    if (unwrapNullable(columns[0]!.type).kind !== 'String') {
      throw new EngineError('BAD_ARGUMENTS',
        `This input format is only suitable for tables with a single column of type String but the column type is ${columns[0]!.type.name}`);
    }
    return [[Buffer.from(text, 'latin1').toString('utf8')]];
  },
};

export const rawBlobOutputs: OutputFormat[] = [rawBlobOutput];
export const rawBlobInputs: InputFormat[] = [rawBlobInput];
