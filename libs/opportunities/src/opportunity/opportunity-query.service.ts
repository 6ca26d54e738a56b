import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { ConnectionShape, PageArgs, paginate } from '@baton/graphql';
import { DataSource } from 'typeorm';
import { OpportunityStatus } from '../common/opportunity-enums';
import { OpportunityFilter } from './dto/opportunity.input';
import { OpportunityObject } from './dto/opportunity.object';
import { seesOpportunity } from './opportunity-access';
import { visibleOpportunitySql } from './opportunity-access.sql';
import { OpportunityEntity } from './opportunity.entity';
import { toOpportunityObject } from './opportunity.mapper';

/** Reading opportunities as the signed-in person may see them. */
@Injectable()
export class OpportunityQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<OpportunityObject> {
    const now = this.clock.now();
    const o = await this.dataSource.getRepository(OpportunityEntity).findOneBy({ id });
    if (!o || !seesOpportunity(actor, o, now)) throw new NotFoundError('Opportunity', id);
    return toOpportunityObject(o, actor, now);
  }

  /**
   * Soonest expiry first (what closes soon needs attention), keyset-paginated. A status asked
   * for is the effective one: OPEN means live, EXPIRED includes OPEN rows past their expiry
   * that the job has not marked yet.
   */
  async list(actor: Actor, filter: OpportunityFilter, page: PageArgs): Promise<ConnectionShape<OpportunityObject>> {
    const now = this.clock.now();
    const statuses = filter.statuses?.length ? [...new Set(filter.statuses)] : [OpportunityStatus.OPEN];
    const visible = visibleOpportunitySql(actor, now);
    const query = this.dataSource.getRepository(OpportunityEntity).createQueryBuilder('o').where(visible.sql, visible.params);
    const byStatus = statuses.map((s) => {
      if (s === OpportunityStatus.OPEN) return `(o.status = 'OPEN' AND o.expires_at > :now)`;
      if (s === OpportunityStatus.EXPIRED) return `(o.status = 'EXPIRED' OR (o.status = 'OPEN' AND o.expires_at <= :now))`;
      return `o.status = '${s}'`; // an enum value checked by the input's validation
    });
    query.andWhere(`(${byStatus.join(' OR ')})`, { now });
    if (filter.organisationId) query.andWhere('o.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country });
    if (filter.workModes?.length) query.andWhere('o.work_mode IN (:...workModes)', { workModes: filter.workModes });
    if (filter.sportSector !== undefined && filter.sportSector !== null) query.andWhere('o.sport_sector = :sport', { sport: filter.sportSector });
    if (filter.mine) query.andWhere('o.author_id = :me', { me: actor.userId });
    if (filter.skillIds?.length) {
      query.andWhere('EXISTS (SELECT 1 FROM opportunity_skills s WHERE s.opportunity_id = o.id AND s.skill_id = ANY(CAST(:skillIds AS uuid[])))', {
        skillIds: filter.skillIds,
      });
    }
    return paginate(
      query,
      page,
      [
        { column: 'o.expiresAt', value: (o) => o.expiresAt.toISOString() },
        { column: 'o.id', value: (o) => o.id },
      ],
      (o) => toOpportunityObject(o, actor, now),
    );
  }
}
