/**
 * How far a browser's clock may run ahead of the server's and a date it made still count as
 * "now" (issue 22 §1): a decision dated later than this past now was not made yet, so it is
 * never adopted from another device, and most-recent-wins cannot be won by a future date.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;
