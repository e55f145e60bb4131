// Reads a ClickHouse error body of either era into its parts, so that scenarios
// can assert the code and message on old and new servers alike:
//   ≤ 21.7  Code: 62, e.displayText() = DB::Exception: Empty query, e.what() = DB::Exception
//   ≥ 21.8  Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)

export interface ClickHouseError {
  code: number;
  message: string;
  /** Error name, present from 21.8 on. */
  name?: string;
  /** Server version, present from 19.x on. */
  version?: string;
}

const MODERN = /^Code: (\d+)\. DB::Exception: ([\s\S]*?)\. \(([A-Z0-9_]+)\) \(version ([^()\s]+)(?: \([^)]*\))?\)\n?$/;
const OLD = /^Code: (\d+), e\.displayText\(\) = DB::Exception: ([\s\S]*?)(?:, e\.what\(\) = DB::Exception| \(version ([^()\s]+)(?: \([^)]*\))?\))\n?$/;

export function parseClickHouseError(body: string): ClickHouseError | undefined {
  const modern = MODERN.exec(body);
  if (modern) return { code: Number(modern[1]), message: modern[2]!, name: modern[3]!, version: modern[4]! };
  const old = OLD.exec(body);
  if (old) return { code: Number(old[1]), message: old[2]!, ...(old[3] ? { version: old[3] } : {}) };
  return undefined;
}
