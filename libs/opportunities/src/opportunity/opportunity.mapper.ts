import { Actor } from '@baton/auth';
import { OpportunityObject } from './dto/opportunity.object';
import { effectiveStatus, managesOpportunity, seesApplicationCounts } from './opportunity-access';
import { OpportunityEntity } from './opportunity.entity';

/** Explicit mapping: the author's id never leaves the server (a referral's author is not named). */
export function toOpportunityObject(o: OpportunityEntity, actor: Actor, now: Date): OpportunityObject {
  return {
    id: o.id,
    kind: o.kind,
    organisationId: o.organisationId,
    title: o.title,
    description: o.description,
    city: o.city,
    country: o.country,
    workMode: o.workMode,
    contractType: o.contractType,
    sportSector: o.sportSector,
    eventId: o.eventId,
    teamCodes: o.teamCodes,
    expiresAt: o.expiresAt,
    status: effectiveStatus(o, now),
    publishedAt: o.publishedAt,
    closedAt: o.closedAt,
    managedByMe: managesOpportunity(actor, o),
    writtenByMe: o.authorId === actor.userId,
    countsVisible: seesApplicationCounts(actor, o),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
