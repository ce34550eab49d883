/** Small text-formatting helpers for the console report. */

const en = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function ms(value: number | null | undefined): string {
  return value == null ? '-' : `${en(value)} ms`;
}

export function bytes(value: number | null | undefined): string {
  if (value == null) return '-';
  if (value >= 1024 ** 3) return `${en(value / 1024 ** 3, 2)} GiB`;
  if (value >= 1024 ** 2) return `${en(value / 1024 ** 2, 1)} MiB`;
  if (value >= 1024) return `${en(value / 1024, 1)} KiB`;
  return `${en(value)} B`;
}

export function count(value: number | null | undefined): string {
  return value == null ? '-' : en(value);
}

export function rate(value: number | null | undefined, unit: string): string {
  if (value == null) return '-';
  if (value >= 1e6) return `${en(value / 1e6, 2)} M ${unit}/s`;
  if (value >= 1e3) return `${en(value / 1e3, 0)} k ${unit}/s`;
  return `${en(value)} ${unit}/s`;
}

export function ratio(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '-' : `${en(value, 2)}x`;
}

/**
 * Lays rows out in columns: the first column left-aligned, the others right-aligned, with a
 * header row and a rule under it.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
