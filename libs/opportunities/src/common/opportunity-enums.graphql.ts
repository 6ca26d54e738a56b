import { registerEnumType } from '@nestjs/graphql';
import { ApplicationStage, ContractType, OpportunityKind, OpportunityStatus, WorkMode } from './opportunity-enums';

registerEnumType(OpportunityStatus, {
  name: 'OpportunityStatus',
  description: 'Where an opportunity is in its life: DRAFT → OPEN → CLOSED, or OPEN → EXPIRED at its expiry',
  valuesMap: {
    DRAFT: { description: 'Written, not yet published: only those who manage it see it' },
    OPEN: { description: 'Published and taking applications until it expires' },
    CLOSED: { description: 'Closed by those who manage it; no more applications' },
    EXPIRED: { description: 'Its expiry date passed (set by a scheduled job); no more applications' },
  },
});
registerEnumType(OpportunityKind, {
  name: 'OpportunityKind',
  description: 'Who stands behind an opportunity',
  valuesMap: {
    POSTING: { description: "Posted by a recruiter for their organisation; any of the organisation's recruiters manages it" },
    REFERRAL: { description: 'Passed on by an alumnus, about an organisation; owned by its author, who is never named publicly' },
  },
});
registerEnumType(WorkMode, {
  name: 'WorkMode',
  description: 'Where the work happens',
  valuesMap: {
    REMOTE: { description: 'Fully remote (telecommute)' },
    HYBRID: { description: 'Partly remote, partly at the location' },
    ON_SITE: { description: 'At the location' },
  },
});
registerEnumType(ContractType, {
  name: 'ContractType',
  description: 'The kind of contract offered',
  valuesMap: {
    PERMANENT: { description: 'Permanent employment' },
    FIXED_TERM: { description: 'Fixed-term employment (a Games edition, a season)' },
    FREELANCE: { description: 'A mission for a freelancer or contractor' },
    INTERNSHIP: { description: 'An internship' },
    APPRENTICESHIP: { description: 'An apprenticeship (work and study)' },
    VOLUNTEER: { description: 'Volunteering' },
  },
});
registerEnumType(ApplicationStage, {
  name: 'ApplicationStage',
  description: 'Where an application stands; see applicationStageMoves for the moves allowed',
  valuesMap: {
    SUBMITTED: { description: 'Sent by the applicant, not yet looked at' },
    IN_REVIEW: { description: 'The organisation is reviewing it' },
    INTERVIEW: { description: 'The applicant is invited to interviews' },
    OFFER: { description: 'The organisation made an offer' },
    HIRED: { description: 'The applicant was hired (final)' },
    REJECTED: { description: 'The organisation declined (final)' },
    WITHDRAWN: { description: 'The applicant withdrew (final)' },
  },
});
