// The one language for expected text in ClickHouse features.
//
// Every check compares byte for byte, after two substitutions that apply to all
// expected text: escapes in quoted step text (\n, \t, \r, \0, \\, \" and \xNN;
// doc strings are taken as they are), and the scenario's names ({t}, {db}, {q}…:
// lower-case names the World makes unique to the scenario and the run).
//
// "… is like …" compares with a template: the text, where these placeholders
// stand for what a server decides at run time:
//   {version}   the target's version, optionally followed by " (official build)"
//   {number}    a decimal number: -12, 0.5, 3e-05
//   {uuid}      a UUID in lower-case hex
//   {any}       any text on one line (no line break): the parts of a message
//               that name server internals
//   {anything}  any text, line breaks included (the shortest that fits)
//
// "… matches …" takes a regular expression (JavaScript syntax, written as it is,
// found anywhere in the text unless anchored with ^ and $).

export const RUN_TIME_PLACEHOLDERS = ['version', 'number', 'uuid', 'any', 'anything'];
const PLACEHOLDER = new RegExp(`\\{(${RUN_TIME_PLACEHOLDERS.join('|')})\\}`, 'g');

function placeholderPattern(name: string, version: string): string {
  switch (name) {
    case 'version': return `${escapeRegExp(version)}(?: \\(official build\\))?`;
    case 'number': return '-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?';
    case 'uuid': return '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    case 'any': return '[^\\n]*';
    default: return '[\\s\\S]*?';
  }
}

/** The template as a regular expression that must match the whole text. */
export function expectedPattern(template: string, version: string): RegExp {
  let source = '';
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(at, match.index));
    source += placeholderPattern(match[1]!, version);
    at = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(at));
  return new RegExp(`^${source}$`);
}

export function isLike(text: string, template: string, version: string): boolean {
  return expectedPattern(template, version).test(text);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
