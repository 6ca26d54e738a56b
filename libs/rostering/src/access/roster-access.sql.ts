import type { SqlParams } from '@baton/graphql';
import type { RosterViewer } from './roster-access';

/**
 * seesWholeRoster as a SQL condition on the shift row `shift`, for statements that decide per
 * shift inside PostgreSQL (a roster written as text, where no row reaches Node first). Grant by
 * grant like coversPlacement; a null team or venue matches only a grant open to all of them.
 * shaped-roster.e2e-spec holds it to the object path over each kind of viewer.
 */
export function seesWholeRosterSql(viewer: RosterViewer, params: SqlParams, shift = 's'): string {
  if (!viewer.managesRosters) return 'FALSE';
  if (viewer.coordinates === 'ALL') return 'TRUE';
  const among = (column: string, ids: ReadonlySet<string>) => (ids.size ? `${column} IN (${[...ids].map((id) => params.add(id)).join(', ')})` : 'FALSE');
  const grants: string[] = [];
  for (const [eventId, scopes] of viewer.coordinates) {
    for (const { venues, teams } of scopes) {
      const terms = [`${shift}.event_id = ${params.add(eventId)}`];
      if (venues !== 'ALL') terms.push(among(`${shift}.venue_id`, venues));
      if (teams !== 'ALL') terms.push(among(`${shift}.team_id`, teams));
      grants.push(`(${terms.join(' AND ')})`);
    }
  }
  // coalesce: a null team compared with a list is unknown, which must read as "not covered".
  return grants.length ? `coalesce(${grants.join(' OR ')}, FALSE)` : 'FALSE';
}
