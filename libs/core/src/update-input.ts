import { BadInputError } from './errors';

/**
 * What an update input means: one convention for every update mutation of the API (shifts,
 * staff members, events, venues, teams, organisations, skills, work rules).
 *  - A field left out stays as it is.
 *  - `null` clears a field that may be empty (notes, a website, a team, an email…): the caller
 *    lists those as `clearable`, and they come back as `null`.
 *  - `null` on any other field is refused: BAD_USER_INPUT naming every such field (constraint
 *    `notNull`), before anything is read or written. A list is emptied with `[]`, not `null`.
 * Returns the changes, without the fields left out.
 */
export function updateChanges<T extends object>(input: T, clearable: ReadonlyArray<keyof T> = []): Partial<T> {
  const changes: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null && !clearable.includes(key as keyof T)) refused.push(key);
    else changes[key] = value;
  }
  if (refused.length) {
    throw new BadInputError(
      refused.length === 1 ? `${refused[0]} cannot be null; leave it out to keep it as it is` : `${refused.length} fields cannot be null`,
      refused.map((field) => ({ field, message: `${field} cannot be null; leave it out to keep it as it is`, constraint: 'notNull' })),
    );
  }
  return changes as Partial<T>;
}
