// The RowBinary inputs with a header — RowBinaryWithNames and
// RowBinaryWithNamesAndTypes: a LEB128 column count, the names (and the type
// names) as strings, then the rows in the order of the header, mapped onto
// the table by name (input_format_with_names_use_header) and checked against
// its types (input_format_with_types_use_header) — and RowBinaryWithDefaults,
// where a byte before each value says whether the column's default stands in
// for it (BinaryRowInputFormat).

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { T, parseType } from '../../engine/types.ts';
import { emptyRow, identityMap, mapHeader, type FieldMap } from './input-rows.ts';
import { Reader } from './row-binary.ts';
import type { InputContext, InputFormat } from './types.ts';

function binaryInput(name: string, names: boolean, types: boolean, defaults: boolean): InputFormat {
  return {
    name,
    binary: true,
    read(text: string, columns: readonly ColumnDef[], ctx: InputContext): unknown[][] {
      const r = new Reader(Buffer.from(text, 'latin1'));
      let map: FieldMap = identityMap(columns);
      let headerTypes: string[] = [];
      if (names && !r.done) {
        const count = r.leb();
        const header = Array.from({ length: count }, () => r.value(T.String) as string);
        map = mapHeader(header, columns, ctx);
        if (types) {
          const typeNames = Array.from({ length: count }, () => r.value(T.String) as string);
          headerTypes = typeNames;
          if (ctx.settings.get('input_format_with_types_use_header')) {
            typeNames.forEach((typeName, i) => {
              const target = map[i]!;
              if (target < 0) return;
              const col = columns[target]!;
              if (parseType(typeName).name !== col.type.name) {
                throw new EngineError('INCORRECT_DATA', `Type of '${col.name}' must be ${col.type.name}, not ${typeName}: (while reading header)`);
              }
            });
          }
        }
      }
      const rows: unknown[][] = [];
      while (!r.done) {
        const row = emptyRow(columns);
        map.forEach((target, i) => {
          if (defaults && r.take(1)[0]) return;
          if (target >= 0) {
            row[target] = r.value(columns[target]!.type);
            return;
          }
          // A header column the table lacks is skipped by the type the header gives it.
          if (headerTypes[i] === undefined) {
            throw new EngineError('CANNOT_SKIP_UNKNOWN_FIELD', 'Cannot skip unknown field in RowBinary format, because its type is unknown');
          }
          r.value(parseType(headerTypes[i]!));
        });
        rows.push(row);
        r.row++;
      }
      return rows;
    },
  };
}

export const rowBinaryWithNamesInputs: InputFormat[] = [
  binaryInput('RowBinaryWithNames', true, false, false),
  binaryInput('RowBinaryWithNamesAndTypes', true, true, false),
  binaryInput('RowBinaryWithDefaults', false, false, true),
];
