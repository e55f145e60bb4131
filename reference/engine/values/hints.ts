// ClickHouse's NamePrompter (Common/NamePrompter.h): the closest names to a
// mistyped one, by case-insensitive Levenshtein distance, as Clang's
// SimpleTypoCorrector bounds it, for messages ending `, maybe you meant: [...]`.

function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let j = 1; j <= x.length; j++) {
    const next = [j];
    for (let i = 1; i <= y.length; i++) {
      next[i] = Math.min(row[i]! + 1, next[i - 1]! + 1, row[i - 1]! + (x[j - 1] === y[i - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

/** Up to `max` names closest to `name`, nearest first (ties: the earlier name). */
export function nameHints(name: string, candidates: readonly string[], max = 1): string[] {
  const found: [number, number][] = [];
  const mistakeFactor = Math.floor((name.length + 2) / 3);
  candidates.forEach((prompt, i) => {
    const minEdit = Math.abs(name.length - prompt.length);
    if (minEdit > 0 && Math.floor(name.length / minEdit) < 3) return;
    if (prompt.length <= name.length + mistakeFactor && prompt.length + mistakeFactor >= name.length) {
      const d = distance(prompt, name);
      if (d <= mistakeFactor) found.push([d, i]);
    }
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return found.slice(0, max).map(([, i]) => candidates[i]!);
}

/** `, maybe you meant: ['a']`, or nothing without a hint. */
export function hintsSuffix(hints: readonly string[]): string {
  return hints.length ? `, maybe you meant: [${hints.map((h) => `'${h}'`).join(',')}]` : '';
}
