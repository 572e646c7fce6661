// Readable fixed-width tables for terminals; long cells are cut with an ellipsis.
export function table(headers: string[], rows: (string | number | null | undefined)[][], maxWidth = 60): string {
  const cells = rows.map((r) => r.map((c) => {
    const s = c === null || c === undefined ? '' : String(c).replace(/\s+/g, ' ');
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s;
  }));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [fmt(headers), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}
