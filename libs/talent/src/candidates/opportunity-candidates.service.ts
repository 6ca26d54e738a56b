import { Injectable } from '@nestjs/common';
import { ProfileQueryService } from '@baton/alumni';
import { Actor, Role } from '@baton/auth';
import { BadInputError, Clock, ForbiddenError, NotFoundError, RuleViolationError } from '@baton/core';
import { DEFAULT_PAGE_SIZE, LoaderRegistry, PageArgs } from '@baton/graphql';
import { OpportunityEntity, OpportunityKind, OpportunityStatus } from '@baton/opportunities';
import { DataSource } from 'typeorm';
import { decodePosition, encodePosition } from '../search/talent-cursor';
import { explainCandidates } from './candidate-explanations';
import { compileCandidates } from './candidates.sql';
import { OpportunityCandidateConnection } from './dto/opportunity-candidates.object';

/** Each candidate carries an explanation and a profile: the same ceiling as talent search. */
export const CANDIDATES_MAX_PAGE_SIZE = 50;

/**
 * Candidates for an opportunity, ranked and explained: the other half of "recommendations both
 * ways" (opportunitiesForMe is the first). Recruiters of the organisation it is for ask, and admins
 * for support; an alumnus who wrote a referral does not: the people consented to be found by
 * partner recruiters (PARTNERS), not by any member ranking the network. Whoever asks, the people
 * are those the posting organisation's recruiters may see, so an admin sees what the organisation
 * would. Constant statements per page: the opportunity, one ranking, three for the explanations,
 * then the profiles through the alumni loaders.
 */
@Injectable()
export class OpportunityCandidatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileQueryService,
    private readonly clock: Clock,
  ) {}

  async candidates(actor: Actor, opportunityId: string, page: PageArgs, loaders: LoaderRegistry): Promise<OpportunityCandidateConnection> {
    const first = page.first ?? Math.min(DEFAULT_PAGE_SIZE, CANDIDATES_MAX_PAGE_SIZE);
    if (first > CANDIDATES_MAX_PAGE_SIZE) throw BadInputError.field('first', `At most ${CANDIDATES_MAX_PAGE_SIZE} candidates a page`, 'max');
    const after = page.after ? decodePosition(page.after) : null;
    const o = await this.dataSource.getRepository(OpportunityEntity).findOneBy({ id: opportunityId });
    const live = !!o && o.status === OpportunityStatus.OPEN && o.expiresAt > this.clock.now();
    // A referral's draft is its author's business alone, as for its applications.
    const forOrganisation =
      !!o &&
      (actor.isAdmin ||
        (actor.grants.some((g) => g.role === Role.RECRUITER && g.organisationId === o.organisationId) &&
          !(o.kind === OpportunityKind.REFERRAL && o.status === OpportunityStatus.DRAFT)));
    // Another organisation's draft or closed opportunity is not confirmed to exist; a live one is public anyway.
    if (!o || (!forOrganisation && !live)) throw new NotFoundError('Opportunity', opportunityId);
    if (!forOrganisation) throw new ForbiddenError('Candidates are for the recruiters of the organisation this opportunity is for');
    if (!live) {
      const status = o.status === OpportunityStatus.OPEN ? OpportunityStatus.EXPIRED : o.status;
      throw new RuleViolationError('Candidates are found for open opportunities only', [
        { rule: 'OPPORTUNITY_NOT_OPEN', message: `The opportunity is ${status}`, status },
      ]);
    }
    const viewer = { kind: 'RECRUITER' as const, userId: actor.userId, organisationId: o.organisationId };
    const { sql, values } = compileCandidates(viewer, o.id, { first, after });
    const [row] = await this.dataSource.query<Array<{ total: number; page: Array<[string, number]> }>>(sql, values);
    const ranked = row.page.slice(0, first).map(([userId, score]) => ({ userId, score: Number(score) }));
    const ids = ranked.map((r) => r.userId);
    const explanations = await explainCandidates(this.dataSource.manager, o, ids);
    // The policy checks each profile again (belt and braces); the SQL already applied the same rule.
    const profiles = new Map((await this.profiles.many(actor, ids, loaders)).map((p) => [p.userId, p]));
    const edges = ranked.flatMap((r) => {
      const profile = profiles.get(r.userId);
      return profile ? [{ cursor: encodePosition(r), node: { profile, score: r.score, ...explanations.get(r.userId)! } }] : [];
    });
    return {
      edges,
      totalCount: row.total,
      pageInfo: {
        hasNextPage: row.page.length > first,
        hasPreviousPage: !!after,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
