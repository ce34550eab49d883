/** Day arithmetic in UTC. A "day" is an integer count of days since 1970-01-01. */
export const MS_PER_DAY = 86_400_000;
export const SECONDS_PER_DAY = 86_400;

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

/**
 * Days since 1970-01-01 of a civil date (month 1..12), by arithmetic (H. Hinnant's
 * days_from_civil): the lifecycle adds months to every billing period, and a Date object per
 * call was a few percent of the generator's time.
 */
function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The same day of the month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  // civil_from_days (Hinnant), then the month moved and the day clamped.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const target = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12 + 1;
  const length = targetMonth === 2 && isLeap(targetYear) ? 29 : MONTH_DAYS[targetMonth - 1]!;
  return daysFromCivil(targetYear, targetMonth, Math.min(dayOfMonth, length));
}
