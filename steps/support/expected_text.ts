// Expected bodies in features may hold a few placeholders for what a server
// decides at run time: {version} (the target's version, optionally followed by
// " (official build)"), {number} (any decimal number), {uuid}, and {any} (any
// text within one line, for the parts of a message that name server internals).
// Everything else must match byte for byte.

export const RUN_TIME_PLACEHOLDERS = ['version', 'number', 'uuid', 'any'];
const PLACEHOLDER = new RegExp(`\\{(${RUN_TIME_PLACEHOLDERS.join('|')})\\}`, 'g');

export function hasRunTimePlaceholders(expected: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(expected);
}

export function expectedPattern(expected: string, version: string): RegExp {
  let source = '';
  let at = 0;
  for (const match of expected.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(expected.slice(at, match.index));
    if (match[1] === 'version') source += `${escapeRegExp(version)}(?: \\(official build\\))?`;
    else if (match[1] === 'number') source += '-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?';
    else if (match[1] === 'any') source += '[^\\n]*';
    else source += '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    at = match.index + match[0].length;
  }
  source += escapeRegExp(expected.slice(at));
  return new RegExp(`^${source}$`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
