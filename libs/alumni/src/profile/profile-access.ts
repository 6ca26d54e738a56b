import { ALL_SECTIONS, AlumniSection, AlumniVisibility } from '../common/alumni-enums';

/**
 * Who is looking. Kinds, not roles: a person's role decides which kind they are for a request
 * (see viewer.ts). RECRUITER is for the talent exchange (libs/talent): a recruiter of an
 * organisation; whether a person blocked it is read with the person (ProfileSubject). Contact
 * details are never part of the profile: libs/talent shows them after an accepted contact request.
 */
export type ProfileViewer =
  | { kind: 'ANONYMOUS' }
  /** Signed in, but not a member (no active consent): sees no one but themself. */
  | { kind: 'OUTSIDER'; userId: string }
  /** A member of the network (active consent). */
  | { kind: 'MEMBER'; userId: string }
  /** Organising committee admins: moderation; they see what members see, nothing more. */
  | { kind: 'ADMIN'; userId: string }
  | { kind: 'RECRUITER'; userId: string; organisationId: string };

export type ViewerKind = ProfileViewer['kind'];

export interface ProfileSubject {
  userId: string;
  visibility: AlumniVisibility;
  hiddenSections: readonly string[];
  /** The person's consent to the network is active. */
  consentActive: boolean;
  /**
   * The organisations this person blocked. Read with the profile: a person blocks a handful, while
   * an organisation can be blocked by thousands, which every recruiter request used to load.
   */
  blockedOrganisations: readonly string[];
}

export interface ProfileAccess {
  /** The profile may be shown at all. */
  visible: boolean;
  /** The person themself: every section, the settings, the hidden endorsements. */
  owner: boolean;
  sections: ReadonlySet<AlumniSection>;
}

/** Visibilities each kind of viewer may see (besides their own profile). The SQL uses this table too. */
export const VISIBILITIES_SEEN_BY: Readonly<Record<ViewerKind, readonly AlumniVisibility[]>> = {
  ANONYMOUS: [],
  OUTSIDER: [],
  MEMBER: [AlumniVisibility.ALUMNI, AlumniVisibility.PARTNERS],
  ADMIN: [AlumniVisibility.ALUMNI, AlumniVisibility.PARTNERS],
  RECRUITER: [AlumniVisibility.PARTNERS],
};

const NOTHING: ProfileAccess = { visible: false, owner: false, sections: new Set() };

export function viewerUserId(viewer: ProfileViewer): string | null {
  return viewer.kind === 'ANONYMOUS' ? null : viewer.userId;
}

/**
 * The one rule for who sees what of a profile; resolvers, loaders, JSON Resume and (through
 * profile-access.sql.ts) the directory all follow it:
 * - the person sees all of their own profile, even after withdrawing consent (it is theirs);
 * - nobody else sees anything of someone whose consent is not active;
 * - a recruiter sees nothing of someone who blocked the recruiter's organisation;
 * - otherwise the visibility must be one this kind of viewer sees, and hidden sections stay hidden.
 */
export function profileAccess(viewer: ProfileViewer, subject: ProfileSubject): ProfileAccess {
  if (viewerUserId(viewer) === subject.userId) return { visible: true, owner: true, sections: new Set(ALL_SECTIONS) };
  if (!subject.consentActive) return NOTHING;
  if (viewer.kind === 'RECRUITER' && subject.blockedOrganisations.includes(viewer.organisationId)) return NOTHING;
  if (!VISIBILITIES_SEEN_BY[viewer.kind].includes(subject.visibility)) return NOTHING;
  const hidden = new Set(subject.hiddenSections);
  return { visible: true, owner: false, sections: new Set(ALL_SECTIONS.filter((s) => !hidden.has(s))) };
}

/** Whether this viewer may browse other people at all (directory, profiles by id). */
export function maySeeOthers(viewer: ProfileViewer): boolean {
  return VISIBILITIES_SEEN_BY[viewer.kind].length > 0;
}

/**
 * An endorsement carries the endorser's name, so it follows the endorser's profile too: the
 * endorsee sees every endorsement whose endorser is still a member (hidden ones included, marked);
 * anyone else sees it only when it is not hidden and the endorser's profile is visible to them.
 * (The endorsee's ENDORSEMENTS section is checked on the endorsee's profile first.)
 */
export function endorsementVisible(viewer: ProfileViewer, endorsement: { endorseeId: string; hidden: boolean }, endorser: ProfileSubject): boolean {
  if (viewerUserId(viewer) === endorsement.endorseeId) return endorser.consentActive;
  return !endorsement.hidden && profileAccess(viewer, endorser).visible;
}
