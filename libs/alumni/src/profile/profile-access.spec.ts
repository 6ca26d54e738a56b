import { AlumniSection, AlumniVisibility } from '../common/alumni-enums';
import { endorsementVisible, profileAccess, ProfileSubject, ProfileViewer } from './profile-access';

const subject = (visibility: AlumniVisibility, extra: Partial<ProfileSubject> = {}): ProfileSubject => ({
  userId: 'subject',
  visibility,
  hiddenSections: [],
  consentActive: true,
  // Blocks bind recruiters of that organisation only: the matrix below shows members still see.
  blockedOrganisations: ['blocked-organisation'],
  ...extra,
});

const viewers: Record<string, ProfileViewer> = {
  anonymous: { kind: 'ANONYMOUS' },
  owner: { kind: 'MEMBER', userId: 'subject' },
  member: { kind: 'MEMBER', userId: 'other' },
  outsider: { kind: 'OUTSIDER', userId: 'other' },
  admin: { kind: 'ADMIN', userId: 'admin' },
  recruiter: { kind: 'RECRUITER', userId: 'r', organisationId: 'o' },
  recruiterBlocked: { kind: 'RECRUITER', userId: 'r2', organisationId: 'blocked-organisation' },
};

/** Written out by hand: who sees a profile of each visibility (consent active). */
const EXPECTED: Record<AlumniVisibility, string[]> = {
  PRIVATE: ['owner'],
  ALUMNI: ['owner', 'member', 'admin'],
  PARTNERS: ['owner', 'member', 'admin', 'recruiter'],
};

describe('profileAccess', () => {
  for (const visibility of Object.values(AlumniVisibility)) {
    it(`${visibility}: visible to ${EXPECTED[visibility].join(', ')} only`, () => {
      const seen = Object.entries(viewers)
        .filter(([, v]) => profileAccess(v, subject(visibility)).visible)
        .map(([name]) => name);
      expect(seen).toEqual(EXPECTED[visibility]);
    });
  }

  it('withdrawn consent: nobody but the owner, whatever the visibility', () => {
    for (const visibility of Object.values(AlumniVisibility)) {
      const seen = Object.entries(viewers)
        .filter(([, v]) => profileAccess(v, subject(visibility, { consentActive: false })).visible)
        .map(([name]) => name);
      expect(seen).toEqual(['owner']);
    }
  });

  it('hidden sections stay hidden from everyone but the owner', () => {
    const hidden = subject(AlumniVisibility.PARTNERS, { hiddenSections: [AlumniSection.SKILLS, AlumniSection.GAMES] });
    const owner = profileAccess(viewers.owner, hidden);
    expect(owner.owner).toBe(true);
    expect(owner.sections.has(AlumniSection.SKILLS)).toBe(true);
    for (const name of ['member', 'admin', 'recruiter']) {
      const access = profileAccess(viewers[name], hidden);
      expect([name, access.sections.has(AlumniSection.SKILLS), access.sections.has(AlumniSection.GAMES), access.sections.has(AlumniSection.LINKS)]).toEqual([
        name,
        false,
        false,
        true,
      ]);
    }
  });

  it('an endorsement shows to the endorsee while the endorser is a member, to others only if not hidden and the endorser is visible', () => {
    const endorser = (visibility: AlumniVisibility, consentActive = true) => ({ ...subject(visibility, { consentActive }), userId: 'endorser' });
    const endorsee = { kind: 'MEMBER', userId: 'endorsee' } as const;
    expect(endorsementVisible(endorsee, { endorseeId: 'endorsee', hidden: true }, endorser(AlumniVisibility.PRIVATE))).toBe(true);
    expect(endorsementVisible(endorsee, { endorseeId: 'endorsee', hidden: false }, endorser(AlumniVisibility.ALUMNI, false))).toBe(false);
    expect(endorsementVisible(viewers.member, { endorseeId: 'endorsee', hidden: false }, endorser(AlumniVisibility.ALUMNI))).toBe(true);
    expect(endorsementVisible(viewers.member, { endorseeId: 'endorsee', hidden: true }, endorser(AlumniVisibility.ALUMNI))).toBe(false);
    expect(endorsementVisible(viewers.member, { endorseeId: 'endorsee', hidden: false }, endorser(AlumniVisibility.PRIVATE))).toBe(false);
    expect(endorsementVisible(viewers.recruiter, { endorseeId: 'endorsee', hidden: false }, endorser(AlumniVisibility.ALUMNI))).toBe(false);
  });
});
