// The format registry. Lookup ignores case, as FormatFactory does since
// 23.x (it keys formats by their lower-cased name); an unknown name is
// UNKNOWN_FORMAT (73), which the HTTP layer answers with 404.

import { EngineError } from '../../engine/errors.ts';
import { ServerError } from '../errors.ts';
import { csvInputs, csvOutputs } from './csv.ts';
import { jsonEachRowInputs, jsonEachRowOutputs } from './json-each-row.ts';
import { jsonEachRowWithProgressOutputs } from './json-each-row-with-progress.ts';
import { jsonOutputs } from './json.ts';
import { jsonColumnsOutputs } from './json-columns.ts';
import { jsonDocumentInputs } from './json-document-input.ts';
import { jsonCompactEachRowInputs, jsonCompactEachRowOutputs } from './json-compact-each-row.ts';
import { jsonObjectEachRowInputs, jsonObjectEachRowOutputs } from './json-object-each-row.ts';
import { jsonStringsEachRowInputs, jsonStringsEachRowOutputs } from './json-strings-each-row.ts';
import { prettyJsonEachRowOutputs } from './pretty-json-each-row.ts';
import { customSeparatedOutputs } from './custom-separated.ts';
import { customSeparatedInputs } from './custom-separated-input.ts';
import { lineAsStringInputs, lineAsStringOutputs } from './line-as-string.ts';
import { markdownOutputs } from './markdown.ts';
import { nativeInputs, nativeOutputs } from './native.ts';
import { rawBlobInputs, rawBlobOutputs } from './raw-blob.ts';
import { tskvInputs, tskvOutputs } from './tskv.ts';
import { nullOutputs } from './null.ts';
import { prettyOutputs } from './pretty.ts';
import { tabSeparatedInputs, tabSeparatedOutputs } from './tab-separated.ts';
import { valuesInputs, valuesOutputs } from './values.ts';
import { verticalOutputs } from './vertical.ts';
import { xmlOutputs } from './xml.ts';
import { rowBinaryInputs, rowBinaryOutputs } from './row-binary.ts';
import { rowBinaryWithNamesInputs } from './row-binary-with-names.ts';
import { templateOutputs } from './template.ts';
import type { InputFormat, OutputFormat } from './types.ts';
import { attachBlockReaders, attachBlockWriters } from './columnar/index.ts';

export type { FormatContext, InputContext, InputFormat, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

const outputs = new Map<string, OutputFormat>();
for (const f of [...tabSeparatedOutputs, ...csvOutputs, ...jsonOutputs, ...jsonEachRowOutputs, ...jsonEachRowWithProgressOutputs,
  ...prettyOutputs, ...valuesOutputs, ...verticalOutputs, ...nullOutputs, ...xmlOutputs, ...rowBinaryOutputs,
  ...templateOutputs, ...jsonCompactEachRowOutputs, ...jsonStringsEachRowOutputs, ...jsonObjectEachRowOutputs,
  ...jsonColumnsOutputs, ...prettyJsonEachRowOutputs, ...tskvOutputs, ...markdownOutputs, ...lineAsStringOutputs, ...rawBlobOutputs,
  ...customSeparatedOutputs, ...nativeOutputs]) {
  outputs.set(f.name.toLowerCase(), f);
}
attachBlockWriters(outputs);

const inputs = new Map<string, InputFormat>();
for (const f of [...tabSeparatedInputs, ...csvInputs, ...jsonEachRowInputs, ...valuesInputs, ...rowBinaryInputs, ...tskvInputs,
  ...lineAsStringInputs, ...rawBlobInputs, ...nativeInputs, ...jsonCompactEachRowInputs, ...jsonStringsEachRowInputs,
  ...jsonObjectEachRowInputs, ...rowBinaryWithNamesInputs, ...customSeparatedInputs, ...jsonDocumentInputs]) {
  inputs.set(f.name.toLowerCase(), f);
}
attachBlockReaders(inputs);

function unknown(name: string): EngineError {
  return new EngineError('UNKNOWN_FORMAT', `Unknown format ${name}`);
}

export function outputFormat(name: string): OutputFormat {
  const f = outputs.get(name.toLowerCase());
  if (!f) throw unknown(name);
  return f;
}

export function inputFormat(name: string): InputFormat {
  const f = inputs.get(name.toLowerCase());
  if (!f) {
    if (outputs.has(name.toLowerCase())) {
      throw new ServerError('FORMAT_IS_NOT_SUITABLE_FOR_INPUT', `Format ${name} is not suitable for input`);
    }
    throw unknown(name);
  }
  return f;
}
