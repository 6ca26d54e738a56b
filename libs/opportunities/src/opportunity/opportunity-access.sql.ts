import { Actor } from '@baton/auth';
import { recruiterOrganisations } from './opportunity-access';

/**
 * seesOpportunity() as a WHERE fragment on an opportunities alias `o`, so a list is filtered in
 * the database (the page sizes and counts stay right) rather than after the fact.
 */
export function visibleOpportunitySql(actor: Actor, now: Date): { sql: string; params: Record<string, unknown> } {
  if (actor.isAdmin) return { sql: 'TRUE', params: {} };
  const orgs = [...recruiterOrganisations(actor)];
  const live = `(o.status = 'OPEN' AND o.expires_at > :visNow)`;
  const author = `(o.kind = 'REFERRAL' AND o.author_id = :visMe)`;
  const recruiter = orgs.length ? `(o.organisation_id = ANY(CAST(:visOrgs AS uuid[])) AND (o.kind = 'POSTING' OR o.status <> 'DRAFT'))` : 'FALSE';
  return { sql: `(${live} OR ${author} OR ${recruiter})`, params: { visNow: now, visMe: actor.userId, visOrgs: orgs } };
}
