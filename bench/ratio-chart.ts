// The benchmark's ratios as an SVG bar chart: one row per figure and real
// server, a bar for the ratio on a log scale, and a line at 1 (parity).

export interface Ratio {
  figure: string;
  against: string;
  ratio: number;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function ratioChart(ratios: Ratio[]): string {
  const rowHeight = 22;
  const labelWidth = 420;
  const barWidth = 360;
  const height = 40 + ratios.length * rowHeight;
  // log2 scale from 1/16 to 16, parity in the middle.
  const x = (ratio: number) => labelWidth + barWidth / 2 + Math.max(-1, Math.min(1, Math.log2(ratio) / 4)) * (barWidth / 2);
  const parity = x(1);
  const rows = ratios.map((r, i) => {
    const y = 30 + i * rowHeight;
    const end = x(r.ratio);
    const colour = r.ratio >= 1 ? '#2e7d32' : '#c62828';
    return `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escape(`${r.figure} vs ${r.against}`)}</text>` +
      `<rect x="${Math.min(parity, end)}" y="${y + 3}" width="${Math.max(1, Math.abs(end - parity))}" height="${rowHeight - 6}" fill="${colour}"/>` +
      `<text x="${labelWidth + barWidth + 8}" y="${y + 14}">${r.ratio.toFixed(2)}x</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 80}" height="${height}" font-family="sans-serif" font-size="12">
<text x="8" y="18" font-weight="bold">reference / real ClickHouse (log scale, 1/16x to 16x; right of the line: the reference is ahead)</text>
<line x1="${parity}" y1="26" x2="${parity}" y2="${height - 4}" stroke="#555" stroke-dasharray="3,3"/>
${rows}
</svg>
`;
}
