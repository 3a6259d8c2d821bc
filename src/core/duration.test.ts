import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from './duration.ts';

const at = (iso: string) => new Date(iso);
const plus = (iso: string, duration: string) =>
  addDuration(at(iso), parseDuration(duration)!).toISOString();

describe('parseDuration', () => {
  it('reads every part of an ISO 8601 duration', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
  });

  it.each(['', 'P', 'PT', '6M', 'P6', 'P-1M', 'P1.5M', 'PT1D', 'P1M ', 'p6m'])(
    'refuses "%s"',
    (text) => expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('addDuration', () => {
  it('adds months on the calendar, keeping the time of day', () => {
    expect(plus('2026-11-22T10:30:00.000Z', 'P6M')).toBe('2027-05-22T10:30:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(plus('2026-01-31T00:00:00.000Z', 'P1M')).toBe('2026-02-28T00:00:00.000Z');
    expect(plus('2028-01-31T00:00:00.000Z', 'P1M')).toBe('2028-02-29T00:00:00.000Z');
    expect(plus('2026-08-31T12:00:00.000Z', 'P13M')).toBe('2027-09-30T12:00:00.000Z');
  });

  it('keeps 29 February to 28 February a year later', () => {
    expect(plus('2028-02-29T00:00:00.000Z', 'P1Y')).toBe('2029-02-28T00:00:00.000Z');
  });

  it('adds weeks, days and exact time after the calendar part', () => {
    expect(plus('2026-12-30T23:00:00.000Z', 'P1W2DT1H30M')).toBe('2027-01-09T00:30:00.000Z');
    expect(plus('2026-01-01T00:00:00.000Z', 'PT90S')).toBe('2026-01-01T00:01:30.000Z');
  });
});
