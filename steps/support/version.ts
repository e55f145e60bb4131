// Versions as ClickHouse prints them (`18.16.1`, `24.8.1.1`), and `@since:X.Y` gating.

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

/** The newest `@since:` requirement among the tags, if any. */
export function sinceRequirement(tags: readonly string[]): string | undefined {
  let newest: string | undefined;
  for (const tag of tags) {
    const match = /^@since:(\d+(?:\.\d+)*)$/.exec(tag);
    if (match && (newest === undefined || compareVersions(parseVersion(match[1]!), parseVersion(newest)) > 0)) newest = match[1]!;
  }
  return newest;
}

/** True when a target at `version` is too old for a scenario with these tags. */
export function tooOldFor(version: string, tags: readonly string[]): boolean {
  const since = sinceRequirement(tags);
  return since !== undefined && compareVersions(parseVersion(version), parseVersion(since)) < 0;
}
