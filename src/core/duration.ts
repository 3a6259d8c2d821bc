/** An ISO 8601 duration split into its parts (`P1Y2M3W4DT5H6M7S`). */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Durations already parsed: a project has a handful (its types' and its default), and the server
 * asks for them for every event it stores (issue 19), so each is parsed once. Bounded, since the
 * texts come from configuration.
 */
const parsed = new Map<string, Readonly<Duration> | undefined>();
const PARSED_MAX = 256;

/** Parses an ISO 8601 duration; `undefined` when it is not one. The answer is shared: never change it. */
export function parseDuration(text: string): Readonly<Duration> | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const duration = parseOnce(text);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, duration && Object.freeze(duration));
  return duration;
}

function parseOnce(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? 0 : Number(part),
  ) as number[];
  return {
    years: years!,
    months: months!,
    weeks: weeks!,
    days: days!,
    hours: hours!,
    minutes: minutes!,
    seconds: seconds!,
  };
}

/**
 * Adds a duration to a date in UTC. Calendar parts first, clamped to the end of a shorter
 * month (31 January + P1M is the last day of February, as in Temporal), then exact time.
 */
export function addDuration(date: Date, duration: Readonly<Duration>): Date {
  const result = new Date(date.getTime());
  const totalMonths = duration.years * 12 + duration.months;
  if (totalMonths) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + totalMonths);
    const lastDay = new Date(
      Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0),
    ).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const days = duration.weeks * 7 + duration.days;
  if (days) result.setUTCDate(result.getUTCDate() + days);
  const ms = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return new Date(result.getTime() + ms);
}
