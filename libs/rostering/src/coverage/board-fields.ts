import { onlyFields, requestedFields } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';

const BOARD = new Set(['eventId', 'bucket', 'timeZone', 'from', 'to', 'cells', 'gaps', 'gapsTruncated', 'totals']);
const UNDER: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['cells', new Set(['venueId', 'teamId', 'bucketStart', 'bucketEnd', 'required', 'assigned', 'checkedIn', 'gap'])],
  ['gaps', new Set(['shiftId', 'venueId', 'teamId', 'roleTitle', 'startsAt', 'endsAt', 'headcount', 'assigned', 'missing'])],
  ['totals', new Set(['required', 'assigned', 'checkedIn', 'gap'])],
];

/**
 * Whether the board asked for is the coverage figures alone, which are the same for everyone
 * with the same scope. The graph edges (event, venue, team, shift) resolve under the viewer's
 * own rules: a text serialised for one viewer must never carry them to another.
 */
export function onlyBoardFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const requested = requestedFields(info);
  if (!onlyFields(requested, BOARD)) return false;
  return UNDER.every(([name, allowed]) => {
    const under = requested.get(name);
    return !under || onlyFields(under, allowed);
  });
}
