// Prometheus text as StarRocks writes it. The FE gives every family "# HELP"
// and "# TYPE" and joins labels with ", "; the BE gives only "# TYPE" and joins
// them with "," (PrometheusMetricVisitor.java, metrics_action.cpp).

export interface PrometheusCheck {
  help: boolean;
  separator: string;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.eE+-]+|NaN|[+-]?Inf)$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"$/;

/** Problems with the text, empty when it is well-formed; `exempt` families may lack HELP. */
export function prometheusProblems(text: string, { help, separator }: PrometheusCheck, exempt: string[] = []): string[] {
  const problems: string[] = [];
  const typed = new Set<string>();
  const helped = new Set<string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('# HELP ')) {
      if (!help) problems.push(`a HELP line: ${line}`);
      helped.add(line.split(' ')[2]!);
    } else if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      if (!['counter', 'gauge', 'summary', 'histogram', 'untyped'].includes(type ?? '')) problems.push(`a bad TYPE line: ${line}`);
      typed.add(name!);
    } else if (line.startsWith('#') || line === '') {
      problems.push(`an unexpected line: ${JSON.stringify(line)}`);
    } else {
      const sample = SAMPLE.exec(line);
      if (!sample) {
        problems.push(`not a sample: ${line}`);
        continue;
      }
      const family = [...typed].find((name) => sample[1] === name || sample[1]!.startsWith(`${name}_`));
      if (!family) problems.push(`a sample without TYPE: ${line}`);
      else if (help && !helped.has(family) && !exempt.includes(family)) problems.push(`a family without HELP: ${family}`);
      if (sample[3] !== undefined && sample[3].includes('="')) {
        const labels = sample[3].split(separator);
        if (labels.some((label) => !LABEL.test(label))) problems.push(`labels not joined by ${JSON.stringify(separator)}: ${line}`);
      }
    }
  }
  if (typed.size === 0) problems.push('no metric families');
  return problems;
}

/** The value of one sample, named with its labels exactly as written (`name{type="x"}`). */
export function sampleValue(text: string, sample: string): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${sample} `)) return Number(line.slice(sample.length + 1));
  }
  return undefined;
}
