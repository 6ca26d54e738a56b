import { EntityManager } from 'typeorm';

export const DEMO_SAVED_SEARCH = { name: 'Games specialists (demo)', filter: { text: 'specialist' } } as const;

export interface DemoTalentCounts {
  savedSearchId: string | null;
  /** Digest matches sent once by the saved-search alerts job, after the commit. */
  alertMatches: number;
  contactRequests: { accepted: number; pending: number; declined: number };
}

const DAY = 86_400_000;

/**
 * What recruiter@baton.demo (Atlantec) has done in the talent exchange: one saved search, and
 * contact requests to people who show their profile to partners: alumnus@baton.demo's is pending
 * (so the demo alumnus has one to answer), two more were accepted (their contact details show
 * to Atlantec), one more is pending and one declined. People are taken in name order so the
 * same seed gives the same demo. Straight into the tables, as the API would have left them.
 */
export async function writeDemoTalent(
  manager: EntityManager,
  ids: { organisationId: string | undefined; recruiterId: string | undefined; alumnusId: string | undefined },
  now: Date,
): Promise<DemoTalentCounts> {
  const counts: DemoTalentCounts = { savedSearchId: null, alertMatches: 0, contactRequests: { accepted: 0, pending: 0, declined: 0 } };
  const { organisationId, recruiterId } = ids;
  if (!organisationId || !recruiterId) return counts;
  const [{ id }] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO talent_saved_searches (recruiter_id, organisation_id, name, filter, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [recruiterId, organisationId, DEMO_SAVED_SEARCH.name, JSON.stringify(DEMO_SAVED_SEARCH.filter), new Date(now.getTime() - 3 * DAY)],
  );
  counts.savedSearchId = id;
  const visible = await manager.query<Array<{ user_id: string }>>(
    `SELECT p.user_id FROM alumni_profiles p
      WHERE p.visibility = 'PARTNERS' AND p.user_id IS DISTINCT FROM $2
        AND EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM alumni_organisation_blocks b WHERE b.user_id = p.user_id AND b.organisation_id = $1)
      ORDER BY p.display_name, p.user_id LIMIT 4`,
    [organisationId, ids.alumnusId ?? null],
  );
  const answers: Array<'ACCEPTED' | 'PENDING' | 'DECLINED'> = ['ACCEPTED', 'ACCEPTED', 'PENDING', 'DECLINED'];
  const requests = [
    ...(ids.alumnusId ? [{ userId: ids.alumnusId, status: 'PENDING' as const }] : []),
    ...visible.map((v, i) => ({ userId: v.user_id, status: answers[i] })),
  ];
  for (const [i, r] of requests.entries()) {
    const sent = new Date(now.getTime() - (i + 1) * DAY);
    await manager.query(
      `INSERT INTO talent_contact_requests (organisation_id, recruiter_id, alumnus_id, message, status, created_at, expires_at, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        organisationId,
        recruiterId,
        r.userId,
        'Atlantec is hiring for the next Games: may we talk about a role in venue technology? (demo)',
        r.status,
        sent,
        new Date(sent.getTime() + 30 * DAY),
        r.status === 'PENDING' ? null : new Date(sent.getTime() + DAY / 2),
      ],
    );
    counts.contactRequests[r.status.toLowerCase() as 'accepted' | 'pending' | 'declined']++;
  }
  return counts;
}
