import { readFileSync } from 'node:fs';

/** The 97.5 % quantile of the standard normal distribution. */
export const Z = 1.959963984540054;

/** The text of a `-- begin name` ... `-- end name` block of a SQL file (a CTE). */
export function sqlBlock(file: string, name: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`-- begin ${name}`);
  const end = text.indexOf(`-- end ${name}`);
  if (start < 0 || end < start) throw new Error(`${file} has no ${name} block`);
  return text.slice(start, end);
}

/** Gamma(k / 2) for a whole k >= 1, from Gamma(1/2) = sqrt(pi) and Gamma(1) = 1. */
function gammaHalf(k: number): number {
  let g = k % 2 === 1 ? Math.sqrt(Math.PI) : 1;
  for (let a = k % 2 === 1 ? 0.5 : 1; a < k / 2; a += 1) g *= a;
  return g;
}

/**
 * P(X >= x) for X ~ chi-square(k), x > 0, by Simpson's rule over the density from x to
 * x + 400 on a log scale (u = e^v, so the steep part near 0 is sampled finely): an
 * independent check of the closed form in survival_logrank.sql.
 */
export function chiSquareSurvival(x: number, k: number): number {
  const c = 1 / (2 ** (k / 2) * gammaHalf(k));
  const f = (v: number) => {
    const u = Math.exp(v);
    return c * u ** (k / 2) * Math.exp(-u / 2);
  };
  const a = Math.log(x);
  const b = Math.log(x + 400);
  const steps = 200_000;
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}
