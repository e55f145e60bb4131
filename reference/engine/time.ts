// Calendar arithmetic for Date (days since 1970-01-01) and DateTime (seconds
// since the epoch). Pure integer maths for UTC; Intl only for other zones.

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimezone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at the instant `epochSec`, in seconds. */
export function tzOffset(tz: string, epochSec: number): number {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT') return 0;
  const parts = formatterFor(tz).formatToParts(new Date(epochSec * 1000));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = daysFromCivil(get('year'), get('month'), get('day')) * 86400 + get('hour') * 3600 + get('minute') * 60 + get('second');
  return local - epochSec;
}

/** Local wall-clock fields of an instant. */
export function localParts(epochSec: number, tz: string): { y: number; m: number; d: number; hh: number; mm: number; ss: number; days: number } {
  const local = epochSec + tzOffset(tz, epochSec);
  const days = Math.floor(local / 86400);
  const secs = local - days * 86400;
  const [y, m, d] = civilFromDays(days);
  return { y, m, d, hh: Math.floor(secs / 3600), mm: Math.floor((secs % 3600) / 60), ss: secs % 60, days };
}

/** The instant whose wall-clock time in `tz` is `localSec` (seconds since the local epoch). */
export function fromLocal(localSec: number, tz: string): number {
  let guess = localSec - tzOffset(tz, localSec);
  guess = localSec - tzOffset(tz, guess);
  return guess;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function formatDateTime(epochSec: number, tz: string): string {
  const p = localParts(epochSec, tz);
  return `${String(p.y).padStart(4, '0')}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.hh)}:${pad2(p.mm)}:${pad2(p.ss)}`;
}
