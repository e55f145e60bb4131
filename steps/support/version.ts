// Versions as ClickHouse prints them (`18.16.1`, `24.8.1.1`), and version-range
// gating: `@since:X.Y` (from X.Y on) and `@until:X.Y` (before X.Y, exclusive).

export function parseVersion(text: string): number[] {
  const match = /^(\d+(?:\.\d+)*)/.exec(text.trim());
  if (!match) throw new Error(`not a version: ${JSON.stringify(text)}`);
  return match[1]!.split('.').map(Number);
}

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b` (missing parts count as 0). */
export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function rangeTags(tags: readonly string[], kind: 'since' | 'until'): string[] {
  const pattern = new RegExp(`^@${kind}:(\\d+(?:\\.\\d+)*)$`);
  return tags.flatMap((tag) => {
    const match = pattern.exec(tag);
    return match ? [match[1]!] : [];
  });
}

/** The newest `@since:` requirement among the tags, if any. */
export function sinceRequirement(tags: readonly string[]): string | undefined {
  return rangeTags(tags, 'since').reduce<string | undefined>((newest, v) =>
    newest === undefined || compareVersions(parseVersion(v), parseVersion(newest)) > 0 ? v : newest, undefined);
}

/** The oldest `@until:` bound among the tags, if any. */
export function untilRequirement(tags: readonly string[]): string | undefined {
  return rangeTags(tags, 'until').reduce<string | undefined>((oldest, v) =>
    oldest === undefined || compareVersions(parseVersion(v), parseVersion(oldest)) < 0 ? v : oldest, undefined);
}

/** Why a target at `version` is outside the scenario's version range, or undefined when it is inside. */
export function outsideRange(version: string, tags: readonly string[]): string | undefined {
  if (version === '') return undefined;
  const since = sinceRequirement(tags);
  if (since !== undefined && compareVersions(parseVersion(version), parseVersion(since)) < 0) return `${version} is older than ${since}`;
  const until = untilRequirement(tags);
  if (until !== undefined && compareVersions(parseVersion(version), parseVersion(until)) >= 0) return `${version} is ${until} or newer`;
  return undefined;
}
