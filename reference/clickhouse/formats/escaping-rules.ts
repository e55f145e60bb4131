// ClickHouse's escaping rules (EscapingRuleUtils): the ways a single value can
// be written inside a format of the user's making (Template, CustomSeparated).
// Each rule is the per-value text of the format it is named after, so the
// rules reuse those formats' value writers.

import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { csvField, jsonOptions, jsonValue, quotedField, tsvField } from './text.ts';
import type { FormatContext } from './types.ts';
import { xmlValue } from './xml.ts';

export type EscapingRule = 'None' | 'Escaped' | 'Quoted' | 'CSV' | 'JSON' | 'XML' | 'Raw';

const RULES: readonly EscapingRule[] = ['None', 'Escaped', 'Quoted', 'CSV', 'JSON', 'XML', 'Raw'];

/** stringToEscapingRule: the names are case-sensitive; an empty name is None. */
export function escapingRuleOf(name: string): EscapingRule {
  if (name === '') return 'None';
  const rule = RULES.find((r) => r === name);
  if (!rule) throw new EngineError('BAD_ARGUMENTS', `Unknown escaping rule "${name}"`);
  return rule;
}

/** serializeFieldByEscapingRule: one value as the rule's format would write it. */
export function serializeByEscapingRule(type: DataType, value: unknown, rule: EscapingRule, ctx: FormatContext): string {
  switch (rule) {
    case 'Escaped': return tsvField(type, value, ctx);
    case 'Raw': return tsvField(type, value, ctx, true);
    case 'Quoted': return quotedField(type, value, ctx);
    case 'CSV': return csvField(type, value, ctx);
    case 'JSON': return jsonValue(type, value, ctx, jsonOptions(ctx));
    case 'XML': return xmlValue(type, value, ctx);
    case 'None': throw new EngineError('BAD_ARGUMENTS', 'Cannot serialize field with None escaping rule');
  }
}
