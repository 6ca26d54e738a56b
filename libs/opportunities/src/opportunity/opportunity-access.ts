import { Actor, Role } from '@baton/auth';
import { OpportunityKind, OpportunityStatus } from '../common/opportunity-enums';

export interface OpportunitySubject {
  kind: OpportunityKind;
  organisationId: string;
  authorId: string | null;
  status: OpportunityStatus;
  expiresAt: Date;
}

/** Organisations the actor is a recruiter of. */
export function recruiterOrganisations(actor: Actor): Set<string> {
  return new Set(actor.grants.filter((g) => g.role === Role.RECRUITER && g.organisationId).map((g) => g.organisationId as string));
}

/** OPEN and before its expiry, whatever the job has marked yet. */
export function isLive(o: Pick<OpportunitySubject, 'status' | 'expiresAt'>, now: Date): boolean {
  return o.status === OpportunityStatus.OPEN && o.expiresAt > now;
}

export function effectiveStatus(o: Pick<OpportunitySubject, 'status' | 'expiresAt'>, now: Date): OpportunityStatus {
  return o.status === OpportunityStatus.OPEN && o.expiresAt <= now ? OpportunityStatus.EXPIRED : o.status;
}

/**
 * The one rule for who does what with an opportunity (the list applies it in SQL, opportunity-access.sql.ts):
 * - a referral is its author's: only they (and admins) change it;
 * - a posting is its organisation's: any of its recruiters changes it;
 * - the organisation's recruiters review the applications of both kinds, once published
 *   (a referral's draft is its author's business alone);
 * - everyone with access sees a live one; the rest only those who manage or review it.
 */
export function managesOpportunity(actor: Actor, o: OpportunitySubject): boolean {
  if (actor.isAdmin) return true;
  if (o.kind === OpportunityKind.REFERRAL) return o.authorId === actor.userId;
  return recruiterOrganisations(actor).has(o.organisationId);
}

export function reviewsApplications(actor: Actor, o: OpportunitySubject): boolean {
  if (actor.isAdmin) return true;
  if (!recruiterOrganisations(actor).has(o.organisationId)) return false;
  return o.kind === OpportunityKind.POSTING || o.status !== OpportunityStatus.DRAFT;
}

export function seesOpportunity(actor: Actor, o: OpportunitySubject, now: Date): boolean {
  return isLive(o, now) || managesOpportunity(actor, o) || reviewsApplications(actor, o);
}

/** Application counts: managers (a referral's author sees counts, never applicants) and reviewers. */
export function seesApplicationCounts(actor: Actor, o: OpportunitySubject): boolean {
  return managesOpportunity(actor, o) || reviewsApplications(actor, o);
}
