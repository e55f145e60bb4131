// Step text spells bytes the way the catalog does: \n, \t, \r, \0, \\, \" and \xNN.
// A body written in a feature therefore means exactly those bytes.

const SIMPLE: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, '0': 0x00, '\\': 0x5c, '"': 0x22, "'": 0x27, b: 0x08, f: 0x0c, e: 0x1b };

export function unescapeBytes(text: string): Buffer {
  const out: Buffer[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(Buffer.from(plain, 'utf8'));
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i === text.length - 1) {
      plain += ch;
      continue;
    }
    const next = text[i + 1]!;
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
      flush();
      out.push(Buffer.from([parseInt(text.slice(i + 2, i + 4), 16)]));
      i += 3;
    } else if (next in SIMPLE) {
      flush();
      out.push(Buffer.from([SIMPLE[next]!]));
      i += 1;
    } else {
      plain += ch;
    }
  }
  flush();
  return Buffer.concat(out);
}

export function unescapeText(text: string): string {
  return unescapeBytes(text).toString('utf8');
}

/** How a failing assertion shows bytes: printable, with control characters spelled out. */
export function showBytes(bytes: Buffer | string, limit = 600): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const shown = JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
  return text.length > limit ? `${shown} (${text.length} chars)` : shown;
}
