// Scalar functions StarRocks has under MySQL names the ClickHouse core lacks.

import { T } from '../../engine/types.ts';
import { civilFromDays, localParts } from '../../engine/time.ts';
import { register, simple } from '../../engine/functions/registry.ts';
import { EngineError } from '../../engine/errors.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** MySQL DATE_FORMAT specifiers (the ones StarRocks implements). */
export function mysqlDateFormat(epochSec: number, tz: string, fmt: string): string {
  const p = localParts(epochSec, tz);
  const dow = (((p.days + 4) % 7) + 7) % 7;
  const [y, m, d] = civilFromDays(p.days);
  const dayOfYear = p.days - Math.round(Date.UTC(y, 0, 1) / 86400000) + 1;
  const h12 = p.hh % 12 === 0 ? 12 : p.hh % 12;
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const s = fmt[++i]!;
    switch (s) {
      case 'Y': out += pad(y, 4); break;
      case 'y': out += pad(y % 100); break;
      case 'm': out += pad(m); break;
      case 'c': out += String(m); break;
      case 'M': out += MONTHS[m - 1]; break;
      case 'b': out += MONTHS[m - 1]!.slice(0, 3); break;
      case 'd': out += pad(d); break;
      case 'e': out += String(d); break;
      case 'j': out += pad(dayOfYear, 3); break;
      case 'H': out += pad(p.hh); break;
      case 'k': out += String(p.hh); break;
      case 'h': case 'I': out += pad(h12); break;
      case 'l': out += String(h12); break;
      case 'i': out += pad(p.mm); break;
      case 's': case 'S': out += pad(p.ss); break;
      case 'f': out += '000000'; break;
      case 'p': out += p.hh < 12 ? 'AM' : 'PM'; break;
      case 'r': out += `${pad(h12)}:${pad(p.mm)}:${pad(p.ss)} ${p.hh < 12 ? 'AM' : 'PM'}`; break;
      case 'T': out += `${pad(p.hh)}:${pad(p.mm)}:${pad(p.ss)}`; break;
      case 'W': out += DAYS[dow]; break;
      case 'a': out += DAYS[dow]!.slice(0, 3); break;
      case 'w': out += String(dow); break;
      case '%': out += '%'; break;
      default: out += s;
    }
  }
  return out;
}

register('date_format', (args, bc) => simple({
  min: 2,
  type: ([t]) => {
    if (t!.kind !== 'Date' && t!.kind !== 'DateTime' && t!.kind !== 'String') {
      throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type ${t!.name} of first argument of function date_format`);
    }
    return T.String;
  },
  impl: ([v, fmt], [t]) => {
    const tz = t!.timezone ?? bc.env.timezone;
    let sec: number;
    if (t!.kind === 'Date') sec = (v as number) * 86400;
    else if (t!.kind === 'String') {
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}):(\d{2}))?/.exec(v as string);
      if (!m) return null;
      sec = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 1000;
      return mysqlDateFormat(sec, 'UTC', fmt as string);
    } else sec = v as number;
    return mysqlDateFormat(sec, t!.kind === 'Date' ? 'UTC' : tz, fmt as string);
  },
})(args, bc), true);
