// Reads a ClickHouse error body of any era into its parts, so that scenarios
// can assert the code and message on old and new servers alike:
//   ≤ 18.x   Code: 62, e.displayText() = DB::Exception: Empty query, e.what() = DB::Exception
//   19–21.7  Code: 62, e.displayText() = DB::Exception: Empty query (version 20.3.4.10 (official build))
//   ≥ 21.8   Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)
//   ≥ 25.12  the same without ` (version …)` when the HTTP handler fails before
//            the user is authenticated (failed logins, sessions, a missing
//            Content-Length: PR #91003)
// and the Poco::Exception (1000) and std::exception (1001) texts of each era.
// With stacktrace=1 the trace sits between the text and the version.

export interface ClickHouseError {
  code: number;
  message: string;
  /** Error name, present from 21.8 on. */
  name?: string;
  /** Server version: from 19.x on, and from 25.12 only after authentication. */
  version?: string;
  /** The C++ class the text names, e.g. DB::Exception, DB::ErrnoException, Poco::Exception. */
  exceptionClass?: string;
  /** The frames after `Stack trace …:`, when the body has them. */
  stackTrace?: string;
}

const VERSION_SUFFIX = / \(version ([^()\s]+)(?: \([^)]*\))?\)$/;
// 18.x writes `, Stack trace:`, later servers the longer request.
const STACK_TRACE = /, Stack trace(?: \(when copying this message, always include the lines below\))?:\n\n/;

const MODERN = /^Code: (\d+)\. ([A-Za-z_:]*Exception): ([\s\S]*)\. \(([A-Z0-9_]+)\)$/;
const OLD = /^Code: (\d+), e\.displayText\(\) = ([A-Za-z_:]*Exception): ([\s\S]*?)(?:, e\.what\(\) = [\s\S]*)?$/;
const POCO = /^Poco::Exception\. Code: (\d+), e\.code\(\) = -?\d+, (?:e\.displayText\(\) = )?([\s\S]*?)(?:, e\.what\(\) = [\s\S]*)?$/;
const STD = /^std::exception\. Code: (\d+), type: [^,]*, e\.what\(\) = ([\s\S]*)$/;

export function parseClickHouseError(body: string): ClickHouseError | undefined {
  let text = body.endsWith('\n') ? body.slice(0, -1) : body;
  const extra: Partial<ClickHouseError> = {};
  const version = VERSION_SUFFIX.exec(text);
  if (version) {
    extra.version = version[1]!;
    text = text.slice(0, version.index);
  }
  const trace = STACK_TRACE.exec(text);
  if (trace) {
    extra.stackTrace = text.slice(trace.index + trace[0].length);
    text = text.slice(0, trace.index);
  }
  const modern = MODERN.exec(text);
  if (modern) {
    return { code: Number(modern[1]), message: modern[3]!, name: modern[4]!, exceptionClass: modern[2]!, ...extra };
  }
  const old = OLD.exec(text);
  if (old) return { code: Number(old[1]), message: old[3]!, exceptionClass: old[2]!, ...extra };
  const poco = POCO.exec(text);
  if (poco) return { code: Number(poco[1]), message: poco[2]!, exceptionClass: 'Poco::Exception', ...extra };
  const std = STD.exec(text);
  if (std) return { code: Number(std[1]), message: std[2]!, exceptionClass: 'std::exception', ...extra };
  return undefined;
}
