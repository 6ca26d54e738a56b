/**
 * How an input problem names its field, the way class-validator problems already do: from the
 * argument (or variable) down, list items by index (`skills.0.level`), and without the `input.`
 * every mutation wraps its fields in (`startsAt`, `grant.eventId`). Other arguments keep their
 * name (`filter.to`, `first`).
 */
export function fieldPath(segments: ReadonlyArray<string | number>): string {
  const parts = segments.length > 1 && segments[0] === 'input' ? segments.slice(1) : segments;
  return parts.join('.');
}
