// LineAsString: every input line is one String value (LineAsStringRowInputFormat,
// no unescaping). On output ClickHouse registers the name, and its WithNames
// and WithNamesAndTypes forms, as TabSeparatedRaw's writers, so that is what
// they are here.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { tabSeparatedOutputs } from './tab-separated.ts';
import type { InputFormat, OutputFormat } from './types.ts';

const rawOutput = (name: string): OutputFormat => tabSeparatedOutputs.find((f) => f.name === name)!;

export const lineAsStringOutputs: OutputFormat[] = [
  ['LineAsString', 'TabSeparatedRaw'], ['LineAsStringWithNames', 'TabSeparatedRawWithNames'],
  ['LineAsStringWithNamesAndTypes', 'TabSeparatedRawWithNamesAndTypes'],
].map(([name, raw]) => ({ ...rawOutput(raw!), name: name! }));

/** The one String column these formats fill; anything else is refused before reading. */
export function singleStringColumn(columns: readonly ColumnDef[]): void {
  if (columns.length !== 1 || columns[0]!.type.kind !== 'String') {
    throw new EngineError('INCORRECT_QUERY', 'This input format is only suitable for tables with a single column of type String.');
  }
}

const lineAsStringInput: InputFormat = {
  name: 'LineAsString',
  read(text, columns) {
    singleStringColumn(columns);
    const rows: unknown[][] = [];
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      rows.push([text.slice(start, end)]);
      start = end + 1;
    }
    return rows;
  },
};

export const lineAsStringInputs: InputFormat[] = [lineAsStringInput];
