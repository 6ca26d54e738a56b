/**
 * Types for raw SQL results (`manager.query<Row[]>(…)`): TypeORM answers `any`, so each call names
 * the row it expects, and snake_case columns become camelCase keys here rather than at each reader.
 */

/** What TypeORM's postgres driver answers to an UPDATE or DELETE: the RETURNING rows, then the count. */
export type Affected<Row = never> = [Row[], number];

/** A row as it is stored, column names as keys: what a privacy export hands back unchanged. */
export type StoredRow = Record<string, unknown>;

/** `staff_member_id` → `staffMemberId`, as a type. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

export type CamelRow<Row> = { [K in keyof Row as K extends string ? CamelCase<K> : K]: Row[K] };

const camelKey = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** One row with camelCase keys; values are untouched (pg has already parsed dates, numbers and arrays). */
export function camelRow<Row extends object>(row: Row): CamelRow<Row> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[camelKey(key)] = value;
  return out as CamelRow<Row>;
}

export function camelRows<Row extends object>(rows: readonly Row[]): Array<CamelRow<Row>> {
  return rows.map(camelRow);
}
