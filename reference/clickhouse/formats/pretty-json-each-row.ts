// PrettyJSONEachRow (and its PrettyJSONLines, PrettyNDJSON names): each row an
// object over several lines, four spaces a level; arrays of arrays are
// spread over lines too (jsonPretty).

import { eachRowObjects } from './json-each-row.ts';
import { jsonPretty, jsonString } from './text.ts';
import type { OutputFormat } from './types.ts';

const prettyEachRow = (name: string): OutputFormat => eachRowObjects(name,
  (columns, ctx, opts, keys) => (values) =>
    `{\n${columns.map((c, i) => `    ${keys[i]}: ${jsonPretty(c.type, values[i], ctx, opts, '    ', 1)}`).join(',\n')}\n}`,
  (message, opts) => `{\n\t"exception": ${jsonString(message, opts.escapeSlashes)}\n}\n`);

export const prettyJsonEachRowOutputs: OutputFormat[] = ['PrettyJSONEachRow', 'PrettyJSONLines', 'PrettyNDJSON'].map(prettyEachRow);
