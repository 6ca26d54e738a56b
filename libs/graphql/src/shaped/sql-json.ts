/**
 * A timestamptz column as the JSON text the DateTime scalar gives out (UTC, milliseconds,
 * e.g. 2027-01-05T09:00:00.000Z), whatever the session's TimeZone. MS truncates like `pg`
 * does when it reads a Date, so both paths give the same instant.
 */
export const isoTimestamp = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Binds values while a statement is assembled from parts: `add(v)` gives its placeholder. */
export class SqlParams {
  constructor(readonly values: unknown[] = []) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
