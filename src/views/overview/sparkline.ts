/**
 * A sparkline's SVG polylines: the values scaled into a width x height box (y grows down),
 * one polyline per run of values without a gap (a missing value breaks the line rather than
 * being drawn as 0). A flat series is drawn across the middle.
 */
export function sparklinePolylines(values: readonly (number | null)[], width: number, height: number, pad = 2): string[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return [];
  const min = Math.min(...present);
  const max = Math.max(...present);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad));
  const lines: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length > 0) lines.push(current.join(' '));
      current = [];
      return;
    }
    const x = values.length > 1 ? pad + i * step : width / 2;
    current.push(`${round(x)},${round(y(v))}`);
  });
  if (current.length > 0) lines.push(current.join(' '));
  return lines;
}

const round = (n: number) => Math.round(n * 10) / 10;
