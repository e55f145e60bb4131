// The formats whose bodies are also written from columns, by name. Each
// writer gives the bytes its format's RowOutput.block gives; a setting only
// the row writer handles turns the columnar path off.

import type { ColumnDef } from '../../../engine/api.ts';
import type { FormatContext, InputFormat, OutputFormat } from '../types.ts';
import { readTsvBlock } from './tsv-input.ts';
import { readRowBinaryBlock } from './row-binary-input.ts';
import { readCsvBlock } from './csv-input.ts';
import { readJsonEachRowBlock } from './json-each-row-input.ts';
import { writeValue } from '../row-binary.ts';
import { jsonEachRowBlockWriter } from './json-each-row.ts';
import { rowBinaryBlockWriter } from './row-binary.ts';
import { tsvBlockWriter } from './tsv.ts';
import type { CellWriter } from './cells.ts';
import type { Column } from '../../../engine/columns/column.ts';

type BlockWriterFactory = NonNullable<OutputFormat['blockWriter']>;

const tsv = (raw: boolean): BlockWriterFactory => (_columns, ctx) => tsvBlockWriter(ctx, raw);

const jsonEachRow = (compact: boolean): BlockWriterFactory => (columns: readonly ColumnDef[], ctx: FormatContext) =>
  (!compact && ctx.settings.get('output_format_json_array_of_rows') ? undefined : jsonEachRowBlockWriter(columns, ctx, compact));

const rowBinaryValue = (c: Column): CellWriter => (w, i) => {
  const parts: Buffer[] = [];
  writeValue(c.type, c.get(i), parts);
  for (const p of parts) w.bytes(p, 0, p.length);
};
const rowBinary: BlockWriterFactory = () => rowBinaryBlockWriter(rowBinaryValue);

const WRITERS: [string[], BlockWriterFactory][] = [
  [['TabSeparated', 'TSV', 'TabSeparatedWithNames', 'TSVWithNames', 'TabSeparatedWithNamesAndTypes', 'TSVWithNamesAndTypes'], tsv(false)],
  [['TabSeparatedRaw', 'TSVRaw', 'Raw', 'TabSeparatedRawWithNames', 'TSVRawWithNames', 'RawWithNames',
    'TabSeparatedRawWithNamesAndTypes', 'TSVRawWithNamesAndTypes', 'RawWithNamesAndTypes'], tsv(true)],
  [['JSONEachRow', 'JSONLines', 'NDJSON', 'JSONL'], jsonEachRow(false)],
  [['JSONCompactEachRow'], jsonEachRow(true)],
  [['RowBinary', 'RowBinaryWithNames', 'RowBinaryWithNamesAndTypes'], rowBinary],
];

const READERS: [string[], NonNullable<InputFormat['readBlock']>][] = [
  [['TabSeparated', 'TSV'], (data, columns, ctx) => readTsvBlock(data, columns, ctx, false)],
  [['TabSeparatedRaw', 'TSVRaw', 'Raw'], (data, columns, ctx) => readTsvBlock(data, columns, ctx, true)],
  [['RowBinary'], (data, columns) => readRowBinaryBlock(data, columns)],
  [['CSV'], (data, columns, ctx) => readCsvBlock(data, columns, ctx)],
  [['JSONEachRow', 'NDJSON', 'JSONLines', 'JSONL'], (data, columns) => readJsonEachRowBlock(data, columns)],
];

/** Give the registered input formats (by lower-cased name) their columnar readers. */
export function attachBlockReaders(inputs: Map<string, InputFormat>): void {
  for (const [names, reader] of READERS) {
    for (const name of names) {
      const f = inputs.get(name.toLowerCase());
      if (f) f.readBlock = reader;
    }
  }
}

/** Give the registered formats (by lower-cased name) their columnar body writers. */
export function attachBlockWriters(outputs: Map<string, OutputFormat>): void {
  for (const [names, factory] of WRITERS) {
    for (const name of names) {
      const f = outputs.get(name.toLowerCase());
      if (f) f.blockWriter = factory;
    }
  }
}
