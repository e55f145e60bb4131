// Expected answers in StarRocks features are written out in full, byte for
// byte, with a few placeholders for what the cluster decides:
//   {number}  any decimal number          {hex}   lower-case hex digits
//   {id}      a positive integer (an id that was given out)
//   {ip}      an IPv4 or IPv6 address      {any}   any text (shortest match)
//   {be}      host:port of one of the cluster's BEs
//   {txn}     the scenario's transaction id: the first answer that shows one
//             fixes it, every later {txn} must be the same number
// Any other {name} is a scenario name ({db}, {t}, {label}…) as the World resolves it.

import { escapeRegExp } from '../../support/expected_text.ts';
import type { StarRocksSession } from './session.ts';

const TOKEN = /\{([a-z][a-z0-9_]*)\}/g;

const FIXED: Record<string, string> = {
  number: '-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?',
  hex: '[0-9a-f]+',
  id: '[1-9]\\d*',
  ip: '(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)',
  any: '[\\s\\S]*?',
};

export interface Template {
  regex: RegExp;
  /** True when the template's {txn} captures the id (it was not known yet). */
  capturesTxn: boolean;
}

export async function compileTemplate(session: StarRocksSession, template: string): Promise<Template> {
  let source = '';
  let at = 0;
  let capturesTxn = false;
  for (const match of template.matchAll(TOKEN)) {
    source += escapeRegExp(template.slice(at, match.index));
    const name = match[1]!;
    if (name in FIXED) source += FIXED[name];
    else if (name === 'be') source += `(?:${(await session.beHostPorts()).map(escapeRegExp).join('|')})`;
    else if (name === 'txn') {
      if (session.txnId !== undefined) source += escapeRegExp(session.txnId);
      else if (capturesTxn) source += '\\k<txn>';
      else {
        source += '(?<txn>\\d+)';
        capturesTxn = true;
      }
    } else source += escapeRegExp(session.world.resolve(match[0]));
    at = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(at));
  return { regex: new RegExp(`^${source}$`), capturesTxn };
}

/** Whether `actual` fits the template; a {txn} seen for the first time is remembered. */
export async function fitsTemplate(session: StarRocksSession, template: string, actual: string): Promise<boolean> {
  const { regex, capturesTxn } = await compileTemplate(session, template);
  const match = regex.exec(actual);
  if (!match) return false;
  if (capturesTxn) session.txnId = match.groups!.txn;
  return true;
}
