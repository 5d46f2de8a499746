export function percentile(sortedAscending: number[], p: number): number {
  if (!sortedAscending.length) return NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length) - 1;
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.max(0, rank))];
}

export function summarize(latencies: number[]): { p50Ms: number; p95Ms: number; p99Ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
  };
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A plain text table for the terminal and the same as Markdown for latest.md. */
export function table(header: string[], rows: (string | number)[][]): { text: string; markdown: string } {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const text = [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
  const md = [
    `| ${cells[0].join(' | ')} |`,
    `|${widths.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...cells.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  return { text, markdown: md };
}
