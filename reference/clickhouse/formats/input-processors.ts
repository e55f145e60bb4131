// Which of ClickHouse's processors reads a body in each input format, as an
// INSERT's error names it (`…: While executing ParallelParsingBlockInputFormat`):
// the formats that can be cut into segments are read by the parallel parser,
// the others by their own row or block reader.

import type { InputFormat } from './types.ts';

const PARALLEL = new Set([
  'TabSeparated', 'TSV', 'TabSeparatedRaw', 'TSVRaw', 'Raw', 'TabSeparatedWithNames', 'TSVWithNames', 'TabSeparatedWithNamesAndTypes',
  'TSVWithNamesAndTypes', 'TabSeparatedRawWithNames', 'TSVRawWithNames', 'RawWithNames', 'TabSeparatedRawWithNamesAndTypes',
  'TSVRawWithNamesAndTypes', 'RawWithNamesAndTypes', 'CSV', 'CSVWithNames', 'CSVWithNamesAndTypes', 'JSONEachRow', 'NDJSON',
  'JSONLines', 'JSONL', 'JSONStringsEachRow', 'JSONCompactEachRow', 'JSONCompactEachRowWithNames', 'JSONCompactEachRowWithNamesAndTypes',
  'JSONCompactStringsEachRow', 'JSONCompactStringsEachRowWithNames', 'JSONCompactStringsEachRowWithNamesAndTypes', 'TSKV', 'LineAsString',
]);

const OWN: Record<string, string> = {
  RowBinary: 'BinaryRowInputFormat', RowBinaryWithNames: 'BinaryRowInputFormat', RowBinaryWithNamesAndTypes: 'BinaryRowInputFormat',
  RowBinaryWithDefaults: 'BinaryRowInputFormat', Native: 'Native', JSON: 'JSONRowInputFormat', JSONCompact: 'JSONCompactRowInputFormat',
  CustomSeparated: 'CustomSeparatedRowInputFormat', CustomSeparatedWithNames: 'CustomSeparatedRowInputFormat',
  CustomSeparatedWithNamesAndTypes: 'CustomSeparatedRowInputFormat',
};

export function inputProcessor(format: InputFormat): string | undefined {
  return PARALLEL.has(format.name) ? 'ParallelParsingBlockInputFormat' : OWN[format.name];
}

/** An error raised while reading the body, with the processor named as ClickHouse names it (its final dot dropped). */
export function whileReading(err: unknown, format: InputFormat): unknown {
  const processor = inputProcessor(format);
  if (processor && err instanceof Error && typeof (err as { code?: unknown }).code === 'number') {
    err.message = `${err.message.replace(/\.$/, '')}: While executing ${processor}`;
  }
  return err;
}
