// Rowsets as the BE's compaction/show lists them (Tablet::get_compaction_status):
// rowset_details items with "version": "start-end"; releases before it listed
// "[start-end] …" strings under rowsets.

export function rowsetsOf(state: Record<string, unknown>): unknown {
  return state.rowset_details ?? state.rowsets;
}

/** The end version of the newest rowset. */
export function newestVersion(rowsets: unknown): number {
  if (!Array.isArray(rowsets) || rowsets.length === 0) throw new Error(`no rowsets: ${JSON.stringify(rowsets)}`);
  return Math.max(...rowsets.map((rowset) => {
    const text = typeof rowset === 'object' && rowset !== null ? String((rowset as { version?: unknown }).version) : String(rowset);
    const match = /^\[?(\d+)-(\d+)\]?/.exec(text);
    if (!match) throw new Error(`not a rowset: ${JSON.stringify(rowset)}`);
    return Number(match[2]);
  }));
}
