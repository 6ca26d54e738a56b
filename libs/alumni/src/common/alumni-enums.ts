/** Who may see a profile at all (see profile-access.ts for the full rule). */
export enum AlumniVisibility {
  /** Only the person. */
  PRIVATE = 'PRIVATE',
  /** Members of the alumni network (and admins). */
  ALUMNI = 'ALUMNI',
  /** Members, and recruiters of partner organisations (talent exchange). */
  PARTNERS = 'PARTNERS',
}

/** Parts of a profile a person may hide from everyone else; the header (name, headline, open to work) always shows. */
export enum AlumniSection {
  SUMMARY = 'SUMMARY',
  LOCATION = 'LOCATION',
  DESIRED_ROLES = 'DESIRED_ROLES',
  SKILLS = 'SKILLS',
  LANGUAGES = 'LANGUAGES',
  EXPERIENCES = 'EXPERIENCES',
  EDUCATION = 'EDUCATION',
  LINKS = 'LINKS',
  /** The Games worked, built from the roster and attendance. */
  GAMES = 'GAMES',
  ENDORSEMENTS = 'ENDORSEMENTS',
  /** Verified Games records (credentials): wired in when that lib lands. */
  VERIFIED_RECORDS = 'VERIFIED_RECORDS',
}

export const ALL_SECTIONS: readonly AlumniSection[] = Object.values(AlumniSection);

/** CEFR levels, plus native speaker. */
export enum LanguageLevel {
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
  NATIVE = 'NATIVE',
}

export enum ConsentPurpose {
  /** Joining the alumni network: a profile others may see as its visibility allows. */
  ALUMNI_NETWORK = 'ALUMNI_NETWORK',
}

/** How Baton knows two people worked together. */
export enum EndorsementRelation {
  /** Both held an active, attended assignment on the same shifts. */
  SHARED_SHIFTS = 'SHARED_SHIFTS',
  /** The endorser coordinated shifts the endorsee attended. */
  ENDORSER_COORDINATED = 'ENDORSER_COORDINATED',
  /** The endorsee coordinated shifts the endorser attended. */
  ENDORSEE_COORDINATED = 'ENDORSEE_COORDINATED',
}
