// XML (XMLRowOutputFormat): meta, data rows, rows, rows_before_limit_at_least
// and statistics, tab-indented. A column whose name is not a valid tag is
// written as <field>. On a mid-stream error (http_write_exception_in_output_format)
// <exception> replaces the statistics.

import type { ColumnDef } from '../../engine/api.ts';
import type { DataType } from '../../engine/types.ts';
import { formatFloat, unwrapNullable } from '../../engine/types.ts';
import { plainText } from './text.ts';
import type { FormatContext, OutputFormat, OutputStatistics, RowOutput } from './types.ts';

/** writeXMLStringForTextElement: only `<` and `&` need escaping in element text. */
export function xmlText(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
}

const VALID_TAG = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * serializeTextXML: NULL as \\N, an array as <array><elem>…</elem></array>,
 * a tuple as <tuple><elem>…</elem></tuple>, a map as
 * <map><elem><key>…</key><value>…</value></elem></map>, anything else as
 * its escaped text.
 */
export function xmlValue(type: DataType, value: unknown, ctx: FormatContext): string {
  if (value === null) return '\\N';
  let t = unwrapNullable(type);
  if (t.kind === 'LowCardinality') t = unwrapNullable(t.inner!);
  switch (t.kind) {
    case 'Array':
      return `<array>${(value as unknown[]).map((v) => `<elem>${xmlValue(t.inner!, v, ctx)}</elem>`).join('')}</array>`;
    case 'Tuple':
      return `<tuple>${(value as unknown[]).map((v, i) => `<elem>${xmlValue(t.elements![i]!, v, ctx)}</elem>`).join('')}</tuple>`;
    case 'Map':
      return `<map>${(value as [unknown, unknown][]).map(([k, v]) =>
        `<elem><key>${xmlValue(t.key!, k, ctx)}</key><value>${xmlValue(t.inner!, v, ctx)}</value></elem>`).join('')}</map>`;
    case 'Bool':
      // serializeTextXML writes true/false whatever bool_true_representation says.
      return value ? 'true' : 'false';
    default:
      return xmlText(plainText(t, value, ctx));
  }
}

const xmlOutput: OutputFormat = {
  name: 'XML',
  contentType: () => 'application/xml; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const writeStatistics = Boolean(ctx.settings.get('output_format_write_statistics'));
    const tags = columns.map((c) => (VALID_TAG.test(c.name) ? c.name : 'field'));
    let rows = 0;
    const endData = (): string => `\t</data>\n\t<rows>${rows}</rows>\n`;
    return {
      prefix() {
        const meta = columns.map((c) =>
          `\t\t\t<column>\n\t\t\t\t<name>${xmlText(c.name)}</name>\n\t\t\t\t<type>${xmlText(c.type.name)}</type>\n\t\t\t</column>\n`).join('');
        return `<?xml version='1.0' encoding='UTF-8' ?>\n<result>\n\t<meta>\n\t\t<columns>\n${meta}\t\t</columns>\n\t</meta>\n\t<data>\n`;
      },
      block(block) {
        let out = '';
        for (const values of block) {
          rows++;
          out += '\t\t<row>\n';
          columns.forEach((c, i) => {
            out += `\t\t\t<${tags[i]}>${xmlValue(c.type, values[i], ctx)}</${tags[i]}>\n`;
          });
          out += '\t\t</row>\n';
        }
        return out;
      },
      suffix(stats: OutputStatistics) {
        let out = endData();
        if (stats.rowsBeforeLimit !== undefined) out += `\t<rows_before_limit_at_least>${stats.rowsBeforeLimit}</rows_before_limit_at_least>\n`;
        if (writeStatistics) {
          out += `\t<statistics>\n\t\t<elapsed>${formatFloat(stats.elapsedSeconds)}</elapsed>\n` +
            `\t\t<rows_read>${stats.rowsRead}</rows_read>\n\t\t<bytes_read>${stats.bytesRead}</bytes_read>\n\t</statistics>\n`;
        }
        return `${out}</result>\n`;
      },
      exceptionSuffix(message: string) {
        return `${endData()}\t<exception>${xmlText(message)}</exception>\n</result>\n`;
      },
    };
  },
};

export const xmlOutputs: OutputFormat[] = [xmlOutput];
