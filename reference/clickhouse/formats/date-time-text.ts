// date_time_output_format: DateTime and DateTime64 as `simple` text (the
// engine's), `iso` (ISO 8601 in UTC with a Z, writeDateTimeTextISO) or
// `unix_timestamp` (the seconds, with the fraction for DateTime64). Only the
// top-level value of a column follows it here; values nested in arrays,
// tuples and maps keep the simple form.

import type { DataType } from '../../engine/types.ts';
import type { Dec } from '../../engine/values/decimal.ts';
import { formatDateTime } from '../../engine/time.ts';
import type { FormatContext } from './types.ts';

/** Seconds and the fraction's digits of a DateTime or DateTime64 value. */
function parts(type: DataType, value: unknown): { secs: bigint; frac: string } {
  if (type.kind === 'DateTime') return { secs: BigInt(value as number), frac: '' };
  const v = value as Dec;
  if (v.scale === 0) return { secs: v.unscaled, frac: '' };
  const m = 10n ** BigInt(v.scale);
  let secs = v.unscaled / m;
  let frac = v.unscaled % m;
  if (frac < 0n) {
    frac += m;
    secs -= 1n;
  }
  return { secs, frac: frac.toString().padStart(v.scale, '0') };
}

/** The text of a DateTime/DateTime64 value when the setting asks for other than `simple`; undefined otherwise. */
export function dateTimeText(type: DataType, value: unknown, ctx: FormatContext): string | undefined {
  if (type.kind !== 'DateTime' && type.kind !== 'DateTime64') return undefined;
  const mode = String(ctx.settings.get('date_time_output_format'));
  if (mode === 'simple') return undefined;
  const { secs, frac } = parts(type, value);
  if (mode === 'unix_timestamp') {
    if (type.kind === 'DateTime' || frac === '') return String(secs);
    // The fraction counts up from the second below, as the Decimal it is: -1.5 is -1.5, not -2.5.
    const v = value as Dec;
    const m = 10n ** BigInt(v.scale);
    const abs = v.unscaled < 0n ? -v.unscaled : v.unscaled;
    return `${v.unscaled < 0n ? '-' : ''}${abs / m}.${(abs % m).toString().padStart(v.scale, '0')}`;
  }
  return `${formatDateTime(Number(secs), 'UTC').replace(' ', 'T')}${frac ? `.${frac}` : ''}Z`;
}
