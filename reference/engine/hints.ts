// "Maybe you meant: ['k']": ClickHouse's NamePrompter (Clang's SimpleTypoCorrector
// rule): names within a third of the name's length in case-insensitive edit
// distance, the closest first (the earlier of equals), at most `max` of them.

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let j = 1; j <= x.length; j++) {
    const next = [j];
    for (let i = 1; i <= y.length; i++) next[i] = Math.min(row[i]! + 1, next[i - 1]! + 1, row[i - 1]! + (x[j - 1] === y[i - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]!;
}

export function hints(name: string, candidates: readonly string[], max = 1): string[] {
  const found: [number, number][] = [];
  candidates.forEach((c, i) => {
    const least = Math.abs(name.length - c.length);
    const factor = Math.floor((name.length + 2) / 3);
    if (least > 0 && Math.floor(name.length / least) < 3) return;
    if (c.length <= name.length + factor && c.length + factor >= name.length) {
      const d = distance(c, name);
      if (d <= factor) found.push([d, i]);
    }
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return found.slice(0, max).map(([, i]) => candidates[i]!);
}

/** `. Maybe you meant: ['k']`, or nothing. */
export function hintsSuffix(name: string, candidates: readonly string[]): string {
  const h = hints(name, candidates);
  return h.length ? `. Maybe you meant: [${h.map((x) => `'${x}'`).join(', ')}]` : '';
}
