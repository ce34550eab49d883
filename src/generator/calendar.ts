/** Day arithmetic in UTC. A "day" is an integer count of days since 1970-01-01. */
export const MS_PER_DAY = 86_400_000;

export function parseIsoDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  // Rejects dates like 2025-02-30 that Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1) return null;
  return ms / MS_PER_DAY;
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Months since 1970-01 of a day. */
export function monthIndexOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth() - 1970 * 12;
}

export function firstDayOfMonthIndex(monthIndex: number): number {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12;
  return Date.UTC(year, month, 1) / MS_PER_DAY;
}

export function daysInMonthIndex(monthIndex: number): number {
  return firstDayOfMonthIndex(monthIndex + 1) - firstDayOfMonthIndex(monthIndex);
}

/** Calendar month 0..11 of a month index. */
export function calendarMonth(monthIndex: number): number {
  return ((monthIndex % 12) + 12) % 12;
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  // One modulo for the days after 1969-12-29 (every simulated day); two before.
  return day >= -3 ? (day + 3) % 7 : (((day + 3) % 7) + 7) % 7;
}

/** The same day of the month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / MS_PER_DAY;
  const monthIndex = monthIndexOfDay(target);
  return target + Math.min(d.getUTCDate(), daysInMonthIndex(monthIndex)) - 1;
}
