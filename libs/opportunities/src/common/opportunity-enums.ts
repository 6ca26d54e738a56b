/** DRAFT → OPEN → CLOSED, or OPEN → EXPIRED by the scheduled job; the database refuses any other move. */
export enum OpportunityStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}

/** Who stands behind an opportunity: an organisation (its recruiters) or one alumnus (a referral). */
export enum OpportunityKind {
  POSTING = 'POSTING',
  REFERRAL = 'REFERRAL',
}

export enum WorkMode {
  REMOTE = 'REMOTE',
  HYBRID = 'HYBRID',
  ON_SITE = 'ON_SITE',
}

export enum ContractType {
  PERMANENT = 'PERMANENT',
  FIXED_TERM = 'FIXED_TERM',
  FREELANCE = 'FREELANCE',
  INTERNSHIP = 'INTERNSHIP',
  APPRENTICESHIP = 'APPRENTICESHIP',
  VOLUNTEER = 'VOLUNTEER',
}

/** The stages of an application; moves between them are listed in application_stage_moves. */
export enum ApplicationStage {
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  INTERVIEW = 'INTERVIEW',
  OFFER = 'OFFER',
  HIRED = 'HIRED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Who may make a move: the organisation's recruiters, or the applicant. */
export enum StageMover {
  RECRUITER = 'RECRUITER',
  APPLICANT = 'APPLICANT',
}

/** CEFR levels, plus native speaker (the same scale as alumni profiles). */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'] as const;
