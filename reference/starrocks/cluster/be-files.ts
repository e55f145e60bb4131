// The files a BE keeps under its storage root, as the download handlers see
// them: files the BE wrote (rejected records, snapshot headers) plus the ones
// derived from cluster state (error logs under `error_log/`, the tablet data
// directories `data/<shard>/<tablet_id>/<schema_hash>`). Only paths under the
// root exist; everything is text.

export type BeEntry = { kind: 'file'; content: string } | { kind: 'dir'; children: string[] };

export class BeFileStore {
  private readonly files = new Map<string, { content: string; createdAt: number }>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  write(path: string, content: string): void {
    this.files.set(path, { content, createdAt: this.now() });
  }

  /** Every written file, path → content. */
  all(): Map<string, string> {
    return new Map([...this.files].map(([p, f]) => [p, f.content]));
  }
}

/** Look a path up among files (path → content) and extra directories; parents of both are directories. */
export function lookup(path: string, files: Map<string, string>, dirs: string[]): BeEntry | undefined {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const file = files.get(clean);
  if (file !== undefined) return { kind: 'file', content: file };
  const children = new Set<string>();
  let isDir = false;
  const prefix = `${clean}/`;
  for (const p of [...files.keys(), ...dirs]) {
    if (p === clean) isDir = true;
    if (!p.startsWith(prefix)) continue;
    isDir = true;
    children.add(p.slice(prefix.length).split('/')[0]!);
  }
  return isDir ? { kind: 'dir', children: [...children].sort() } : undefined;
}

/** Lexical canonical form (fs::canonicalize without symlinks): `.`/`..` resolved, duplicate slashes gone. */
export function canonical(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
