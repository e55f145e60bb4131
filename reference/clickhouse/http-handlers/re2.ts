// The RE2 expressions of <http_handlers> (url and header filters) as
// JavaScript regular expressions. ClickHouse matches them anchored at both
// ends (RE2::ANCHOR_BOTH) and reads named groups written `(?P<name>…)`;
// JavaScript spells those `(?<name>…)`. The RE2 syntax the rules use in
// practice (classes, groups, quantifiers, alternation) means the same in both.

import { ServerError } from '../errors.ts';

/** RE2-only spellings with a JavaScript equivalent. */
function toJavaScript(source: string): { pattern: string; flags: string } {
  let flags = '';
  let pattern = source;
  // A leading flag group applies to the whole expression, which is what a JavaScript flag does.
  const leading = /^\(\?([ims]+)\)/.exec(pattern);
  if (leading) {
    flags = [...new Set(leading[1]!)].join('');
    pattern = pattern.slice(leading[0].length);
  }
  pattern = pattern
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\\Q(.*?)(?:\\E|$)/g, (_m, literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return { pattern, flags };
}

/**
 * Compile `source` (the part after `regex:`) for full matching.
 * CANNOT_COMPILE_REGEXP (427) with ClickHouse's wording when it does not compile.
 */
export function compileRe2(source: string, expression: string): RegExp {
  const { pattern, flags } = toJavaScript(source);
  try {
    return new RegExp(`^(?:${pattern})$`, flags);
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new ServerError('CANNOT_COMPILE_REGEXP',
      `Cannot compile re2: ${expression} for http handling rule, error: ${reason}. Look at https://github.com/google/re2/wiki/Syntax for reference.`);
  }
}

/** The named groups of a full match, for those that took part in it (ClickHouse skips the others). */
export function namedCaptures(regex: RegExp, input: string): [string, string][] {
  const m = regex.exec(input);
  if (!m?.groups) return [];
  return Object.entries(m.groups).filter((e): e is [string, string] => e[1] !== undefined);
}

/** Names of the named groups an expression declares. */
export function groupNames(regex: RegExp): string[] {
  return [...regex.source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
}
