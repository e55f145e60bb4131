// The one language for expected text, in ClickHouse and StarRocks features alike.
//
// Every check compares byte for byte, after two substitutions that apply to all
// expected text: escapes in quoted step text (\n, \t, \r, \0, \\, \" and \xNN;
// doc strings are taken as they are), and the scenario's names ({t}, {db}, {q}…:
// lower-case names the World makes unique to the scenario and the run).
//
// "… is like …" compares with a template: the text, where these placeholders
// stand for what a server decides at run time:
//   {version}   the target's ClickHouse version, optionally followed by " (official build)"
//   {number}    a decimal number: -12, 0.5, 3e-05
//   {id}        a positive integer (an id a server gave out)
//   {hex}       lower-case hex digits
//   {uuid}      a UUID in lower-case hex
//   {ip}        an IPv4 or IPv6 address
//   {any}       any text on one line (no line break)
//   {anything}  any text, line breaks included (the shortest that fits)
//   {be}        host:port of one of the StarRocks cluster's BEs
//   {txn}       the scenario's StarRocks transaction id: the first answer that
//               shows one fixes it, every later {txn} must be the same number
//
// "… matches …" takes a regular expression (JavaScript syntax, written as it is,
// found anywhere in the text unless anchored with ^ and $).

export const RUN_TIME_PLACEHOLDERS = ['version', 'number', 'id', 'hex', 'uuid', 'ip', 'any', 'anything', 'be', 'txn'];
const PLACEHOLDER = new RegExp(`\\{(${RUN_TIME_PLACEHOLDERS.join('|')})\\}`, 'g');

const FIXED: Record<string, string> = {
  number: '-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?',
  id: '[1-9]\\d*',
  hex: '[0-9a-f]+',
  uuid: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  ip: '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)',
  any: '[^\\n]*',
  anything: '[\\s\\S]*?',
};

/** What the run-time placeholders stand for in one scenario. */
export interface PlaceholderContext {
  /** The target's ClickHouse version ('' for a target without ClickHouse). */
  version: string;
  /** host:port of each BE of the StarRocks cluster. */
  bes?: () => Promise<string[]>;
  /** Where the scenario keeps its transaction id once an answer showed it. */
  txn?: () => { txnId: string | undefined };
}

export interface CompiledTemplate {
  regex: RegExp;
  /** True when the template's {txn} captures the id (it was not known yet). */
  capturesTxn: boolean;
}

/** The template as a regular expression that must match the whole text. */
export async function compileTemplate(template: string, context: PlaceholderContext): Promise<CompiledTemplate> {
  let source = '';
  let at = 0;
  let capturesTxn = false;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(at, match.index));
    const name = match[1]!;
    if (name in FIXED) source += FIXED[name];
    else if (name === 'version') source += `${escapeRegExp(context.version)}(?: \\(official build\\))?`;
    else if (name === 'be') {
      if (!context.bes) throw new Error('{be} stands for a BE of a StarRocks cluster, and the target has none');
      source += `(?:${(await context.bes()).map(escapeRegExp).join('|')})`;
    } else {
      const known = context.txn?.().txnId;
      if (known !== undefined) source += escapeRegExp(known);
      else if (capturesTxn) source += '\\k<txn>';
      else {
        source += '(?<txn>\\d+)';
        capturesTxn = true;
      }
    }
    at = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(at));
  return { regex: new RegExp(`^${source}$`), capturesTxn };
}

/** Whether the text fits the template (names already resolved); a {txn} seen for the first time is remembered. */
export async function isLike(text: string, template: string, context: PlaceholderContext): Promise<boolean> {
  const { regex, capturesTxn } = await compileTemplate(template, context);
  const match = regex.exec(text);
  if (!match) return false;
  if (capturesTxn) {
    const holder = context.txn?.();
    if (holder) holder.txnId = match.groups!.txn;
  }
  return true;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
