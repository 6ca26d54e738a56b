import { AlumniVisibility } from '@baton/alumni';
import { Role } from '@baton/auth';
import { createMember, login, MemberFixture } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { postOpportunity } from '../factories/opportunities';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent } from '../factories/talent';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

type Viewer = 'anonymous' | 'alumnus' | 'recruiter' | 'recruiterAccepted' | 'otherRecruiter' | 'admin';
const VIEWERS: Viewer[] = ['anonymous', 'alumnus', 'recruiter', 'recruiterAccepted', 'otherRecruiter', 'admin'];

/** Written out by hand: who finds, reads and may contact a profile of each visibility. */
const EXPECTED: Record<AlumniVisibility, { search: Viewer[]; profile: Viewer[]; contact: Viewer[]; candidates: Viewer[] }> = {
  PRIVATE: { search: [], profile: [], contact: [], candidates: [] },
  ALUMNI: { search: ['alumnus', 'admin'], profile: ['alumnus', 'admin'], contact: [], candidates: [] },
  PARTNERS: {
    search: ['alumnus', 'recruiter', 'recruiterAccepted', 'otherRecruiter', 'admin'],
    profile: ['alumnus', 'recruiter', 'recruiterAccepted', 'otherRecruiter', 'admin'],
    contact: ['recruiterAccepted'],
    candidates: ['recruiterAccepted', 'admin'],
  },
};

/**
 * The visibility matrix of the talent exchange: each profile visibility × each kind of viewer,
 * for search results, the profile's fields by id and the contact details. Every subject accepted
 * a contact request from `recruiterAccepted`'s organisation (straight into the database), so the
 * matrix also shows an acceptance never beats the visibility. `recruiter` is a colleague-free
 * recruiter of a third organisation with no acceptance. Candidates are asked for an open opportunity
 * of `recruiterAccepted`'s organisation that every subject's skill fits: only that organisation's
 * recruiters (and admins) may ask at all; the others are refused.
 */
describe('talent visibility matrix', () => {
  let t: TestApp;
  const tokens = {} as Record<Viewer, string | undefined>;
  const subjects = {} as Record<AlumniVisibility, MemberFixture>;
  let opportunityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const accepted = await createOrganisation(t.dataSource);
    tokens.recruiterAccepted = (await createRecruiter(t, accepted.id)).token;
    const skill = await createSkill(t.dataSource, { name: 'Matrix skill' });
    tokens.recruiter = (await createRecruiter(t, (await createOrganisation(t.dataSource)).id)).token;
    tokens.otherRecruiter = (await createRecruiter(t, (await createOrganisation(t.dataSource)).id)).token;
    tokens.alumnus = (await createMember(t, {}, { displayName: 'Viewer' })).token;
    tokens.admin = await login(t, (await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    for (const visibility of Object.values(AlumniVisibility)) {
      subjects[visibility] = await createTalent(t, {
        name: `Matrix ${visibility}`,
        headline: 'Matrixsubject',
        summary: 'Secret summary',
        visibility,
        skills: [{ skillId: skill.id, level: 2 }],
      });
      await t.dataSource.query(
        `INSERT INTO talent_contact_requests (organisation_id, alumnus_id, message, status, expires_at, answered_at) VALUES ($1, $2, 'Hi', 'ACCEPTED', now() + interval '30 days', now())`,
        [accepted.id, subjects[visibility].id],
      );
    }
    opportunityId = (await postOpportunity(t, tokens.recruiterAccepted, accepted.id, { skills: [{ skillId: skill.id, level: 1 }] })).id;
  }, 120_000);
  afterAll(() => t?.close());

  const recruiterSide = (who: Viewer) => who.startsWith('recruiter') || who === 'otherRecruiter';

  async function found(who: Viewer, userId: string): Promise<boolean> {
    if (who === 'anonymous') {
      const r = await t.gql.request(`{ talentSearch { totalCount } }`, {});
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      return false;
    }
    const query =
      recruiterSide(who) || who === 'admin'
        ? `{ list: talentSearch(filter: { text: "Matrixsubject" }) { edges { node { userId } } } }`
        : `{ list: alumniDirectory(filter: { search: "Matrix" }) { edges { node { userId } } } }`;
    const data = await t.gql.ok(query, {}, tokens[who]);
    return data.list.edges.some((e: any) => e.node.userId === userId);
  }

  async function profile(who: Viewer, userId: string): Promise<{ summary: string | null; contact: unknown } | null> {
    const field = recruiterSide(who) || who === 'admin' ? 'talentProfile' : 'alumniProfile';
    const r = await t.gql.request(`query($id: ID!) { p: ${field}(userId: $id) { userId summary contact { email } } }`, { id: userId }, tokens[who]);
    if (r.errors) {
      expect([who, r.errors[0].extensions?.code]).toEqual([who, who === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND']);
      return null;
    }
    return r.data?.p ?? null;
  }

  async function candidate(who: Viewer, subject: MemberFixture): Promise<boolean> {
    const r = await t.gql.request(
      `query($o: ID!) { opportunityCandidates(opportunityId: $o) { edges { node { profile { userId summary contact { email } } } } } }`,
      { o: opportunityId },
      tokens[who],
    );
    if (r.errors) {
      expect([who, r.errors[0].extensions?.code]).toEqual([who, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      return false;
    }
    const node = r.data?.opportunityCandidates.edges.find((e: any) => e.node.profile.userId === subject.id)?.node;
    // Contact details on a candidate follow the same rule as everywhere else.
    if (node)
      expect([who, node.profile]).toEqual([
        who,
        { userId: subject.id, summary: 'Secret summary', contact: who === 'recruiterAccepted' ? { email: subject.email } : null },
      ]);
    return !!node;
  }

  for (const visibility of Object.values(AlumniVisibility)) {
    it(`${visibility}: found by ${EXPECTED[visibility].search.join(', ') || 'nobody'}; contact for ${EXPECTED[visibility].contact.join(', ') || 'nobody'}; candidate for ${EXPECTED[visibility].candidates.join(', ') || 'nobody'}`, async () => {
      const subject = subjects[visibility];
      const search: Viewer[] = [];
      const read: Viewer[] = [];
      const contact: Viewer[] = [];
      const candidates: Viewer[] = [];
      for (const who of VIEWERS) {
        if (await candidate(who, subject)) candidates.push(who);
        if (await found(who, subject.id)) search.push(who);
        const p = await profile(who, subject.id);
        if (p) {
          read.push(who);
          expect([who, p.summary]).toEqual([who, 'Secret summary']);
          if (p.contact) {
            expect(p.contact).toEqual({ email: subject.email });
            contact.push(who);
          }
        }
      }
      expect({ search, profile: read, contact, candidates }).toEqual(EXPECTED[visibility]);
    });
  }

  it('the person sees their own contact details, whatever the visibility', async () => {
    for (const visibility of Object.values(AlumniVisibility)) {
      const own = await t.gql.ok(`{ myAlumniProfile { contact { email } } }`, {}, subjects[visibility].token);
      expect(own.myAlumniProfile.contact).toEqual({ email: subjects[visibility].email });
    }
  });
});
