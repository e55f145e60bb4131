// The CSV reader of a Stream Load (csv_reader / csv_scanner): records split on
// the row delimiter, fields on the column separator, with enclose, escape,
// trim_space and skip_header. Blank records are always skipped. `\N` is NULL.

export interface CsvOptions {
  columnSeparator: string;
  rowDelimiter: string;
  enclose?: string;
  escape?: string;
  trimSpace: boolean;
  skipHeader: number;
}

export interface CsvRecord {
  /** The record as sent (for the error log). */
  text: string;
  fields: (string | null)[];
}

export function* readCsv(data: string, o: CsvOptions): Generator<CsvRecord> {
  let skip = o.skipHeader;
  for (const text of splitRecords(data, o)) {
    if (skip > 0) {
      skip--;
      continue;
    }
    if (text.length === 0) continue;
    yield { text, fields: splitFields(text, o) };
  }
}

/** Records: the row delimiter outside enclosed fields and not escaped. */
function splitRecords(data: string, o: CsvOptions): string[] {
  const out: string[] = [];
  const d = o.rowDelimiter;
  if (!o.enclose && !o.escape) return data.split(d).filter((r, i, a) => i < a.length - 1 || r.length > 0);
  let start = 0;
  let inEnclose = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (o.escape && c === o.escape) {
      i++;
      continue;
    }
    if (o.enclose && c === o.enclose) {
      inEnclose = !inEnclose;
      continue;
    }
    if (!inEnclose && data.startsWith(d, i)) {
      out.push(data.slice(start, i));
      start = i + d.length;
      i += d.length - 1;
    }
  }
  if (start < data.length) out.push(data.slice(start));
  return out;
}

function splitFields(record: string, o: CsvOptions): (string | null)[] {
  const sep = o.columnSeparator;
  const raw: { text: string; enclosed: boolean }[] = [];
  if (!o.enclose && !o.escape) {
    for (const f of record.split(sep)) raw.push({ text: f, enclosed: false });
  } else {
    let cur = '';
    let enclosed = false;
    let inEnclose = false;
    let fieldStart = true;
    for (let i = 0; i < record.length; i++) {
      const c = record[i]!;
      if (o.escape && c === o.escape && i + 1 < record.length) {
        cur += record[++i];
        fieldStart = false;
        continue;
      }
      if (o.enclose && c === o.enclose) {
        if (inEnclose) {
          // A doubled enclose inside an enclosed field is one literal enclose.
          if (record[i + 1] === o.enclose) {
            cur += c;
            i++;
            continue;
          }
          inEnclose = false;
          continue;
        }
        if (fieldStart || cur.trim() === '') {
          inEnclose = true;
          enclosed = true;
          cur = '';
          fieldStart = false;
          continue;
        }
      }
      if (!inEnclose && record.startsWith(sep, i)) {
        raw.push({ text: cur, enclosed });
        cur = '';
        enclosed = false;
        fieldStart = true;
        i += sep.length - 1;
        continue;
      }
      cur += c;
      fieldStart = false;
    }
    raw.push({ text: cur, enclosed });
  }
  return raw.map(({ text, enclosed }) => {
    const t = o.trimSpace && !enclosed ? text.trim() : text;
    return !enclosed && t === '\\N' ? null : t;
  });
}
