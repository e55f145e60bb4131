// Date and time parts, now/today.

import { T, dateTime } from '../types.ts';
import type { Dec } from '../values/decimal.ts';
import { dt64Seconds } from '../values/convert.ts';
import type { DataType } from '../types.ts';
import { constant } from '../expr/compiled.ts';
import { civilFromDays, daysFromCivil, fromLocal, localParts } from '../time.ts';
import { argCount, illegalType, register, simple } from './registry.ts';

function partsOf(v: unknown, t: DataType, tz: string): ReturnType<typeof localParts> {
  if (t.kind === 'DateTime64') return localParts(dt64Seconds(v as Dec), t.timezone ?? tz);
  if (t.kind === 'Date' || t.kind === 'Date32') {
    const [y, m, d] = civilFromDays(v as number);
    return { y, m, d, hh: 0, mm: 0, ss: 0, days: v as number };
  }
  return localParts(v as number, t.timezone ?? tz);
}

function part(name: string, type: DataType, f: (p: ReturnType<typeof localParts>) => number, allowDate = true): void {
  register(name, (args, bc) => {
    const b = simple({
      min: 1,
      max: 2,
      type: ([t]) => {
        if (t!.kind !== 'DateTime' && t!.kind !== 'DateTime64' && !(allowDate && (t!.kind === 'Date' || t!.kind === 'Date32'))) throw illegalType(name, t!);
        return type;
      },
      impl: ([v, tz], [t]) => f(partsOf(v, t!, (tz as string | undefined) ?? bc.env.timezone)),
    });
    return b(args, bc);
  });
}

part('toYear', T.UInt16, (p) => p.y);
part('toQuarter', T.UInt8, (p) => Math.floor((p.m - 1) / 3) + 1);
part('toMonth', T.UInt8, (p) => p.m);
part('toDayOfMonth', T.UInt8, (p) => p.d);
part('toDayOfYear', T.UInt16, (p) => p.days - daysFromCivil(p.y, 1, 1) + 1);
part('toDayOfWeek', T.UInt8, (p) => ((((p.days + 3) % 7) + 7) % 7) + 1);
part('toHour', T.UInt8, (p) => p.hh);
part('toMinute', T.UInt8, (p) => p.mm);
part('toSecond', T.UInt8, (p) => p.ss);
part('toYYYYMM', T.UInt32, (p) => p.y * 100 + p.m);
part('toYYYYMMDD', T.UInt32, (p) => p.y * 10000 + p.m * 100 + p.d);
part('toRelativeDayNum', T.UInt32, (p) => p.days);

function startOf(name: string, toDate: boolean, f: (p: ReturnType<typeof localParts>) => number): void {
  register(name, (args, bc) => {
    const b = simple({
      min: 1,
      max: 2,
      type: ([t]) => {
        if (!['DateTime', 'DateTime64', 'Date', 'Date32'].includes(t!.kind)) throw illegalType(name, t!);
        // 26.7 answers a Date (also for Date32); DateTime64 gives a DateTime in its zone.
        if (toDate) return T.Date;
        return t!.kind === 'DateTime' ? t! : t!.timezone ? dateTime(t!.timezone) : T.DateTime;
      },
      impl: ([v], [t]) => {
        const tz = t!.timezone ?? bc.env.timezone;
        const days = f(partsOf(v, t!, tz));
        return toDate ? days : Math.max(0, fromLocal(days * 86400, tz));
      },
    });
    return b(args, bc);
  });
}
startOf('toStartOfDay', false, (p) => p.days);
startOf('toStartOfMonth', true, (p) => daysFromCivil(p.y, p.m, 1));
startOf('toStartOfYear', true, (p) => daysFromCivil(p.y, 1, 1));
startOf('toStartOfQuarter', true, (p) => daysFromCivil(p.y, Math.floor((p.m - 1) / 3) * 3 + 1, 1));
startOf('toMonday', true, (p) => p.days - ((((p.days + 3) % 7) + 7) % 7));

register('toStartOfHour', simple({ min: 1, type: ([t]) => t!, impl: ([v]) => Math.floor((v as number) / 3600) * 3600 }));
register('toStartOfMinute', simple({ min: 1, type: ([t]) => t!, impl: ([v]) => Math.floor((v as number) / 60) * 60 }));

register('now', (args, bc) => {
  argCount(bc.name, args, 0, 1);
  const tz = args[0]?.constValue as string | undefined;
  return constant(tz ? dateTime(tz) : T.DateTime, bc.env.startTime);
}, true);
register('today', (args, bc) => {
  argCount(bc.name, args, 0);
  return constant(T.Date, localParts(bc.env.startTime, bc.env.timezone).days);
}, true);
register('yesterday', (args, bc) => {
  argCount(bc.name, args, 0);
  return constant(T.Date, localParts(bc.env.startTime, bc.env.timezone).days - 1);
});

function addUnits(name: string, seconds: number, months = 0): void {
  register(name, simple({
    min: 2,
    type: ([t]) => t!,
    impl: ([v, n], [t]) => {
      const k = Number(n);
      if (months) {
        const days = t!.kind === 'Date' ? (v as number) : Math.floor((v as number) / 86400);
        const [y, m, d] = civilFromDays(days);
        const total = y * 12 + (m - 1) + k * months;
        const ny = Math.floor(total / 12);
        const nm = (total % 12) + 1;
        const nd = Math.min(d, new Date(Date.UTC(ny, nm, 0)).getUTCDate());
        const nd2 = daysFromCivil(ny, nm, nd);
        return t!.kind === 'Date' ? nd2 : (v as number) + (nd2 - days) * 86400;
      }
      if (t!.kind === 'Date') return (v as number) + Math.trunc((k * seconds) / 86400);
      return (v as number) + k * seconds;
    },
  }));
}
addUnits('addSeconds', 1);
addUnits('addMinutes', 60);
addUnits('addHours', 3600);
addUnits('addDays', 86400);
addUnits('addWeeks', 7 * 86400);
addUnits('addMonths', 0, 1);
addUnits('addYears', 0, 12);
addUnits('subtractDays', -86400);
addUnits('subtractHours', -3600);

register('timezone', (args, bc) => {
  argCount(bc.name, args, 0);
  return constant(T.String, bc.env.timezone);
});
register('timeZone', (args, bc) => constant(T.String, (argCount(bc.name, args, 0), bc.env.timezone)));
register('serverTimezone', (args, bc) => constant(T.String, (argCount(bc.name, args, 0), bc.env.timezone)));
