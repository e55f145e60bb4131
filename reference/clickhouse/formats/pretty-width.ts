// Visible widths for the Pretty and Vertical formats, as ClickHouse's
// UTF8::computeWidth counts them: a tab runs to the next multiple of 8
// counted from `prefix` (the table's left edge), ANSI escape sequences and
// control characters take no room, East Asian wide characters two cells,
// combining marks none. Also the helpers of PrettyFormatHelpers.cpp: column
// names cut in the middle, the readable tip beside a large number, and the
// colour highlights.

const ESC = '\x1b';

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f)
    || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
    || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
    || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  return isWide(cp) ? 2 : 1;
}

/**
 * Walks `s` as computeWidthImpl does; with a `limit`, returns how many
 * UTF-16 units fit in that width instead of the width.
 */
function walk(s: string, prefix: number, limit: number | undefined): number {
  let width = 0;
  let inEscape = false;
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    let next = width;
    if (inEscape) {
      // A CSI sequence ends at its final byte (0x40-0x7e) after the `[`.
      if (cp >= 0x40 && cp <= 0x7e && s[i - 1] !== ESC) inEscape = false;
    } else if (ch === ESC) {
      inEscape = true;
    } else if (ch === '\t') {
      next += 8 - ((prefix + width) % 8);
    } else {
      next += charWidth(cp);
    }
    if (limit !== undefined && next > limit) return i;
    width = next;
    i += ch.length;
  }
  return limit !== undefined ? s.length : width;
}

export function displayWidth(s: string, prefix = 0): number {
  return walk(s, prefix, undefined);
}

/** The longest start of `s` that fits in `limit` cells (computeBytesBeforeWidth). */
export function cutToWidth(s: string, prefix: number, limit: number): string {
  return s.slice(0, walk(s, prefix, limit));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * truncateName: a name wider than cutTo + hysteresis that is not a plain
 * identifier loses its middle to one filler (⋯, or ~ in ASCII).
 */
export function truncateName(name: string, cutTo: number, hysteresis: number, ascii: boolean): [string, number] {
  const length = displayWidth(name);
  if (!cutTo || length <= cutTo + hysteresis || IDENTIFIER.test(name)) return [name, length];
  const prefixChars = Math.floor(cutTo / 2);
  const suffixChars = Math.floor((cutTo - 1) / 2);
  const head = cutToWidth(name, 0, prefixChars);
  const tailStart = cutToWidth(name, 0, length - suffixChars).length;
  return [head + (ascii ? '~' : '⋯') + name.slice(tailStart), cutTo];
}

/** formatReadableQuantity(value, 2). */
export function readableQuantity(value: number): string {
  const units = ['', ' thousand', ' million', ' billion', ' trillion', ' quadrillion', ' quintillion', ' sextillion', ' septillion',
    ' octillion', ' nonillion', ' decillion', ' undecillion', ' duodecillion', ' tredecillion', ' quattuordecillion', ' quindecillion',
    ' sexdecillion', ' septendecillion', ' octodecillion', ' novemdecillion', ' vigintillion'];
  let v = value;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return v.toFixed(2) + units[i];
}

export const GRAY = '\x1b[90m';
export const RESET = '\x1b[0m';

/**
 * writeReadableNumberTip: ` -- 123.46 million` after a number above the
 * threshold, except in the range most 64-bit hashes fall in.
 */
export function readableNumberTip(value: unknown, threshold: number, color: boolean): string {
  if (value === null || value === undefined) return '';
  const x = Number(value);
  const abs = Math.abs(x);
  if (!threshold || !Number.isFinite(x) || abs <= threshold || (abs > 1e17 && abs < 1.844675e19)) return '';
  const tip = ` -- ${readableQuantity(x)}`;
  return color ? GRAY + tip + RESET : tip;
}

/** highlightDigitGroups: underline every digit that starts a group of thousands. */
export function highlightDigitGroups(source: string): string {
  if (source.length <= 4) return source;
  let digits = 0;
  for (const c of source) {
    if (c === '-' || c === ' ') continue;
    if (c === '.') break;
    if (c < '0' || c > '9') return source;
    digits++;
  }
  if (digits <= 4) return source;
  let out = '';
  let beforeDecimal = true;
  let n = 0;
  for (const c of source) {
    if (beforeDecimal && c >= '0' && c <= '9') {
      n++;
      const offset = digits - n;
      out += offset && offset % 3 === 0 ? `\x1b[4m${c}${RESET}` : c;
    } else {
      if (c === '.') beforeDecimal = false;
      out += c;
    }
  }
  return out;
}

/** highlightTrailingSpaces: red underlined trailing whitespace. */
export function highlightTrailingSpaces(source: string): string {
  if (source === '') return source;
  const m = /[ \t\n\r\f\v]+$/.exec(source);
  if (!m) return source;
  return `${source.slice(0, m.index)}\x1b[31m\x1b[4m${m[0]}${RESET}`;
}
