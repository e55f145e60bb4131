// Template (TemplateBlockOutputFormat): rows written through a row format
// string, `${column:EscapingRule}` per value, format_template_rows_between_delimiter
// between rows, and the whole inside a result-set format string whose first
// placeholder is ${data}; after it come ${rows}, ${rows_before_limit}, ${time},
// ${rows_read}, ${bytes_read} (each with an escaping rule). The format strings
// come from files under format_schema_path (format_template_row,
// format_template_resultset) or inline (format_template_row_format,
// format_template_resultset_format); the result set defaults to `${data}`.

import type { ColumnDef } from '../../engine/api.ts';
import { T } from '../../engine/types.ts';
import type { DataType } from '../../engine/types.ts';
import { ServerError } from '../errors.ts';
import { serializeByEscapingRule } from './escaping-rules.ts';
import type { EscapingRule } from './escaping-rules.ts';
import { DEFAULT_FORMAT_SCHEMA_PATH, readSchemaFile, schemaFilePath } from './format-schema.ts';
import { TemplateFormatString } from './template-string.ts';
import type { IndexOfName } from './template-string.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

/** TemplateBlockOutputFormat::ResultsetPart, in its order: a part's number is its index. */
const PARTS = ['data', 'totals', 'min', 'max', 'rows', 'rows_before_limit', 'time', 'rows_read', 'bytes_read', 'rows_before_aggregation'] as const;
type Part = typeof PARTS[number];

const partIndex: IndexOfName = (name) => {
  const i = PARTS.indexOf(name as Part);
  if (i < 0) throw new ServerError('SYNTAX_ERROR', `Unknown output part ${name}`);
  return i;
};

/** Block::getPositionByName. */
function columnIndex(columns: readonly ColumnDef[]): IndexOfName {
  return (name) => {
    const i = columns.findIndex((c) => c.name === name);
    if (i < 0) {
      throw new ServerError('NOT_FOUND_COLUMN_IN_BLOCK',
        `Not found column ${name} in block. There are only columns: ${columns.map((c) => c.name).join(', ')}`);
    }
    return i;
  };
}

/** A format string from its file setting or its inline setting (never both), or `fallback` when neither is set. */
function formatString(ctx: FormatContext, fileSetting: string, inlineSetting: string, indexOf: IndexOfName,
  fallback?: TemplateFormatString): TemplateFormatString {
  const file = String(ctx.settings.get(fileSetting));
  const inline = String(ctx.settings.get(inlineSetting));
  if (file === '') {
    if (inline === '' && fallback) return fallback;
    return TemplateFormatString.parse(inline, indexOf);
  }
  const path = schemaFilePath(file, ctx.formatSchemaPath ?? DEFAULT_FORMAT_SCHEMA_PATH);
  const parsed = TemplateFormatString.parseFile(readSchemaFile(path), indexOf);
  if (inline !== '') {
    throw new ServerError('INVALID_TEMPLATE_FORMAT', `Expected either ${fileSetting} or ${inlineSetting}, but not both`);
  }
  return parsed;
}

function defaultResultset(): TemplateFormatString {
  const f = new TemplateFormatString();
  f.delimiterBytes = ['', ''];
  f.nameBytes = ['data'];
  f.escapingRules = ['None'];
  f.indexes = [0];
  return f;
}

/** The constructor's checks of both format strings. */
function validate(resultset: TemplateFormatString, row: TemplateFormatString, columns: readonly ColumnDef[]): void {
  let dataAt = resultset.columnsCount() + 1;
  resultset.indexes.forEach((index, i) => {
    if (index === undefined) resultset.throwInvalid('Output part name cannot be empty.', i);
    const part = PARTS[index];
    const rule = resultset.escapingRules[i];
    if (part === 'data') dataAt = i;
    switch (part) {
      case 'data': case 'totals': case 'min': case 'max':
        if (rule !== 'None') resultset.throwInvalid('Serialization type for data, totals, min and max must be empty or None', i);
        break;
      case 'rows': case 'rows_before_limit': case 'time': case 'rows_read': case 'bytes_read': case 'rows_before_aggregation':
        if (rule === 'None') {
          resultset.throwInvalid('Serialization type for output part rows, rows, time, rows_read or bytes_read is not specified', i);
        }
        break;
      default:
        resultset.throwInvalid('Invalid output part', i);
    }
  });
  if (dataAt !== 0) resultset.throwInvalid('${data} must be the first output part', 0);

  if (row.delimiterBytes.length === 1) row.throwInvalid('No columns specified', 0);
  row.indexes.forEach((index, i) => {
    if (index === undefined) row.throwInvalid("Cannot skip format field for output, it's a bug.", i);
    if (columns.length <= index) row.throwInvalid(`Column index ${index} must be less then number of columns (${columns.length})`, i);
    if (row.escapingRules[i] === 'None') row.throwInvalid('Serialization type for file column is not specified', i);
  });
}

function create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
  const resultset = formatString(ctx, 'format_template_resultset', 'format_template_resultset_format', partIndex, defaultResultset());
  const row = formatString(ctx, 'format_template_row', 'format_template_row_format', columnIndex(columns));
  validate(resultset, row, columns);
  const between = String(ctx.settings.get('format_template_rows_between_delimiter'));
  const resultDelimiters = resultset.delimiters;
  const rowDelimiters = row.delimiters;
  const rowCells = row.indexes.map((index, i) => ({ index: index!, rule: row.escapingRules[i]! }));
  const parts = resultset.indexes.map((index, i) => ({ part: PARTS[index!]!, rule: resultset.escapingRules[i]!, at: i }));
  // This engine has no WITH TOTALS, extremes or rows_before_aggregation: such a part can never be printed,
  // and ClickHouse, whose output is still buffered for a small result, answers the failure with the error alone.
  for (const { part, at } of parts) {
    if (part === 'totals') resultset.throwInvalid('Cannot print totals for this request', at);
    if (part === 'min' || part === 'max') resultset.throwInvalid('Cannot print extremes for this request', at);
    if (part === 'rows_before_aggregation') resultset.throwInvalid('Cannot print rows_before_aggregation for this request', at);
  }
  let rowCount = 0;
  const value = (type: DataType, v: unknown, rule: EscapingRule): string => serializeByEscapingRule(type, v, rule, ctx);
  return {
    prefix: () => resultDelimiters[0]!,
    block(rows) {
      let out = '';
      for (const values of rows) {
        if (rowCount > 0) out += between;
        rowCells.forEach(({ index, rule }, j) => {
          out += rowDelimiters[j]! + value(columns[index]!.type, values[index], rule);
        });
        out += rowDelimiters[rowCells.length]!;
        rowCount++;
      }
      return out;
    },
    suffix(stats: OutputStatistics) {
      let out = '';
      for (const { part, rule, at } of parts) {
        switch (part) {
          case 'rows': out += value(T.UInt64, BigInt(rowCount), rule); break;
          case 'rows_before_limit': {
            const before = stats.rowsBeforeLimit;
            if (before === undefined) return resultset.throwInvalid('Cannot print rows_before_limit for this request', at);
            out += value(T.UInt64, BigInt(before), rule);
            break;
          }
          case 'time': out += value(T.Float64, stats.elapsedSeconds, rule); break;
          case 'rows_read': out += value(T.UInt64, BigInt(stats.rowsRead), rule); break;
          case 'bytes_read': out += value(T.UInt64, BigInt(stats.bytesRead), rule); break;
          default: break;
        }
        out += resultDelimiters[at + 1]!;
      }
      return out;
    },
  };
}

const templateOutput: OutputFormat = {
  name: 'Template',
  contentType: () => 'text/plain; charset=UTF-8',
  create,
};

export const templateOutputs: OutputFormat[] = [templateOutput];
