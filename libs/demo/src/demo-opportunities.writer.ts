import { CvSnapshotBuilder } from '@baton/opportunities';
import { AlumniProfileEntity } from '@baton/alumni';
import { EntityManager, In } from 'typeorm';

/** Opportunities of the partner organisations; the first ones are Atlantec's (recruiter@baton.demo). */
const DEMO_OPPORTUNITIES: ReadonlyArray<{ org: string; title: string; city: string | null; country: string; mode: string; contract: string; teams: string[] }> =
  [
    { org: 'ATLANTEC', title: 'Results systems engineer (demo)', city: 'Paris', country: 'FR', mode: 'HYBRID', contract: 'PERMANENT', teams: ['RES', 'TSC'] },
    {
      org: 'ATLANTEC',
      title: 'Venue network lead, world championships (demo)',
      city: 'Lyon',
      country: 'FR',
      mode: 'ON_SITE',
      contract: 'FIXED_TERM',
      teams: ['NET'],
    },
    { org: 'ATLANTEC', title: 'Service desk analyst (demo)', city: null, country: 'FR', mode: 'REMOTE', contract: 'FREELANCE', teams: ['SVD'] },
    { org: 'NORDLYS', title: 'Stadium Wi-Fi engineer (demo)', city: 'Oslo', country: 'NO', mode: 'ON_SITE', contract: 'PERMANENT', teams: ['NET'] },
    { org: 'CHRONOVAL', title: 'Timing and scoring operator (demo)', city: 'Lausanne', country: 'CH', mode: 'ON_SITE', contract: 'FIXED_TERM', teams: ['TSC'] },
    { org: 'SEINECOM', title: 'Radio spectrum planner (demo)', city: 'Paris', country: 'FR', mode: 'HYBRID', contract: 'PERMANENT', teams: ['SPM', 'RAD'] },
    { org: 'VERTEXA', title: 'Cloud operations engineer (demo)', city: null, country: 'DE', mode: 'REMOTE', contract: 'PERMANENT', teams: ['DC'] },
    {
      org: 'KESTREL-SEC',
      title: 'Security operations analyst (demo)',
      city: 'Marseille',
      country: 'FR',
      mode: 'ON_SITE',
      contract: 'INTERNSHIP',
      teams: ['CYB'],
    },
  ];

/** How far each application goes, along the allowed moves (the trigger checks every step). */
const PATHS: ReadonlyArray<string[]> = [
  [],
  ['IN_REVIEW'],
  ['IN_REVIEW', 'INTERVIEW'],
  ['IN_REVIEW', 'INTERVIEW', 'OFFER'],
  ['IN_REVIEW', 'INTERVIEW', 'OFFER', 'HIRED'],
  ['REJECTED'],
  ['WITHDRAWN'],
];

export interface DemoOpportunityCounts {
  opportunities: number;
  /** Written after the Games records are signed (writeDemoApplications), so the CVs carry them. */
  applications: number;
}

/**
 * Open opportunities of the demo partners (one Atlantec draft too), through the same tables and
 * triggers as the API. Their applications come later (writeDemoApplications).
 */
export async function writeDemoOpportunities(
  manager: EntityManager,
  ids: { organisationIds: Map<string, string>; skillIds: Map<string, string>; recruiterId: string | undefined },
  now: Date,
): Promise<DemoOpportunityCounts> {
  const day = 86_400_000;
  const skills = [...ids.skillIds.values()];
  const titles = DEMO_OPPORTUNITIES.map((o) => o.title);
  await manager.query('DELETE FROM opportunities WHERE title = ANY($1::text[])', [[...titles, 'Data centre technician (demo draft)']]);
  const created: string[] = [];
  for (const [i, o] of DEMO_OPPORTUNITIES.entries()) {
    const organisationId = ids.organisationIds.get(o.org);
    if (!organisationId) continue;
    const [{ id }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO opportunities (kind, organisation_id, author_id, title, description, city, country, work_mode, contract_type, sport_sector, team_codes,
                                  expires_at, status, published_at)
       VALUES ('POSTING', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'OPEN', $12) RETURNING id`,
      [
        organisationId,
        o.org === 'ATLANTEC' ? (ids.recruiterId ?? null) : null,
        o.title,
        `${o.title.replace(' (demo)', '')}: join the team that ran technology at the Games. Demo data.`,
        o.city,
        o.country,
        o.mode,
        o.contract,
        i % 2 === 0,
        o.teams,
        new Date(now.getTime() + (20 + 5 * i) * day),
        new Date(now.getTime() - (1 + i) * day),
      ],
    );
    created.push(id);
    const wanted = [skills[(2 * i) % skills.length], skills[(2 * i + 1) % skills.length]].filter((s, k, all) => s && all.indexOf(s) === k);
    for (const [position, skillId] of wanted.entries()) {
      await manager.query('INSERT INTO opportunity_skills (opportunity_id, skill_id, level, position) VALUES ($1, $2, $3, $4)', [
        id,
        skillId,
        2 + (position % 2),
        position,
      ]);
    }
    await manager.query(`INSERT INTO opportunity_languages (opportunity_id, code, level, position) VALUES ($1, 'en', 'B2', 0)`, [id]);
  }
  const atlantec = ids.organisationIds.get('ATLANTEC');
  if (atlantec) {
    await manager.query(
      `INSERT INTO opportunities (kind, organisation_id, author_id, title, description, city, country, work_mode, contract_type, expires_at, status)
       VALUES ('POSTING', $1, $2, 'Data centre technician (demo draft)', 'Not yet published. Demo data.', 'Paris', 'FR', 'ON_SITE', 'FIXED_TERM', $3, 'DRAFT')`,
      [atlantec, ids.recruiterId ?? null, new Date(now.getTime() + 60 * day)],
    );
  }
  return { opportunities: created.length + (atlantec ? 1 : 0), applications: 0 };
}

/**
 * Applications by demo alumni who joined, at every stage, most of them to Atlantec so the demo
 * recruiter has some to review. Run once the test event's Games records are signed: the CV
 * snapshot is what the organisation saw when the person applied, verified records included, as
 * through the API.
 */
export async function writeDemoApplications(
  manager: EntityManager,
  ids: { recruiterId: string | undefined },
  snapshots: CvSnapshotBuilder,
  now: Date,
): Promise<number> {
  const open = await manager.query<Array<{ id: string }>>(
    `SELECT o.id FROM opportunities o JOIN unnest($1::text[]) WITH ORDINALITY AS t(title, n) ON t.title = o.title WHERE o.status = 'OPEN' ORDER BY t.n`,
    [DEMO_OPPORTUNITIES.map((o) => o.title)],
  );
  const created = open.map((o) => o.id);
  const members = await manager.query<Array<{ user_id: string }>>(
    `SELECT p.user_id FROM alumni_profiles p WHERE EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL)
      ORDER BY p.user_id LIMIT 21`,
  );
  const profiles = members.length ? await manager.getRepository(AlumniProfileEntity).findBy({ userId: In(members.map((m) => m.user_id)) }) : [];
  profiles.sort((a, b) => a.userId.localeCompare(b.userId));
  let applications = 0;
  for (const [i, profile] of profiles.entries()) {
    // Two in three to Atlantec's first two postings, the rest spread over the others.
    const opportunityId = i % 3 === 2 ? created[3 + (i % Math.max(1, created.length - 3))] : created[i % 2];
    if (!opportunityId) continue;
    const cv = await snapshots.build(manager, profile, now);
    const [{ id }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO applications (opportunity_id, applicant_id, message, cv_snapshot) VALUES ($1, $2, $3, $4) RETURNING id`,
      [opportunityId, profile.userId, 'I worked the Games in Paris and would love to keep going. (demo)', JSON.stringify(cv)],
    );
    await manager.query(`INSERT INTO application_history (application_id, from_stage, to_stage, actor_user_id, at) VALUES ($1, NULL, 'SUBMITTED', $2, $3)`, [
      id,
      profile.userId,
      now,
    ]);
    let from = 'SUBMITTED';
    for (const [step, to] of PATHS[i % PATHS.length].entries()) {
      const at = new Date(now.getTime() + (step + 1) * 60_000);
      await manager.query('UPDATE applications SET stage = $2, updated_at = $3 WHERE id = $1', [id, to, at]);
      const actor = to === 'WITHDRAWN' ? profile.userId : (ids.recruiterId ?? null);
      await manager.query(`INSERT INTO application_history (application_id, from_stage, to_stage, actor_user_id, at) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        from,
        to,
        actor,
        at,
      ]);
      from = to;
    }
    applications++;
  }
  return applications;
}
