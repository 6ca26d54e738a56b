import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { ConnectionShape, PageArgs, paginate } from '@baton/graphql';
import { DataSource } from 'typeorm';
import { ApplicationStage, StageMover } from '../common/opportunity-enums';
import { reviewsApplications, seesOpportunity } from '../opportunity/opportunity-access';
import { OpportunityEntity } from '../opportunity/opportunity.entity';
import { ApplicationEntity } from './application.entity';
import { toApplicationObject } from './application.mapper';
import { ApplicationObject } from './dto/application.object';
import { StageMoves } from './stage-moves';

/**
 * Reading applications. An application is seen by its applicant and by whoever reviews the
 * opportunity's applications (its organisation's recruiters, admins); a referral's author and
 * recruiters of other organisations see none (NOT_FOUND, so its existence is not confirmed).
 */
@Injectable()
export class ApplicationQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moves: StageMoves,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<ApplicationObject> {
    const application = await this.dataSource.getRepository(ApplicationEntity).findOneBy({ id });
    const opportunity = application ? await this.dataSource.getRepository(OpportunityEntity).findOneBy({ id: application.opportunityId }) : null;
    if (!application || !opportunity) throw new NotFoundError('Application', id);
    if (reviewsApplications(actor, opportunity)) return this.map(application, true);
    if (application.applicantId === actor.userId) return this.map(application, false);
    throw new NotFoundError('Application', id);
  }

  /** One's own applications, newest first is what people expect; keyset on (created_at, id) ascending keeps pages stable. */
  async mine(actor: Actor, page: PageArgs, stages?: ApplicationStage[]): Promise<ConnectionShape<ApplicationObject>> {
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.applicant_id = :me', { me: actor.userId });
    if (stages?.length) query.andWhere('a.stage IN (:...stages)', { stages });
    const next = await this.nextStagesFor(StageMover.APPLICANT);
    return paginate(query, page, this.keys(), (a) => toApplicationObject(a, false, next(a.stage)));
  }

  async forOpportunity(actor: Actor, opportunityId: string, page: PageArgs, stages?: ApplicationStage[]): Promise<ConnectionShape<ApplicationObject>> {
    const opportunity = await this.dataSource.getRepository(OpportunityEntity).findOneBy({ id: opportunityId });
    if (!opportunity || !seesOpportunity(actor, opportunity, this.clock.now())) throw new NotFoundError('Opportunity', opportunityId);
    if (!reviewsApplications(actor, opportunity)) {
      throw new NotFoundError('Applications of opportunity', opportunityId);
    }
    const query = this.dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where('a.opportunity_id = :opportunityId', { opportunityId });
    if (stages?.length) query.andWhere('a.stage IN (:...stages)', { stages });
    const next = await this.nextStagesFor(StageMover.RECRUITER);
    return paginate(query, page, this.keys(), (a) => toApplicationObject(a, true, next(a.stage)));
  }

  private keys() {
    return [
      { column: 'a.createdAt', value: (a: ApplicationEntity) => a.createdAt.toISOString() },
      { column: 'a.id', value: (a: ApplicationEntity) => a.id },
    ];
  }

  private async nextStagesFor(mover: StageMover): Promise<(stage: ApplicationStage) => ApplicationStage[]> {
    const moves = (await this.moves.all()).filter((m) => m.mover === mover);
    return (stage) => moves.filter((m) => m.fromStage === stage).map((m) => m.toStage);
  }

  private async map(application: ApplicationEntity, reviewer: boolean): Promise<ApplicationObject> {
    const next = await this.nextStagesFor(reviewer ? StageMover.RECRUITER : StageMover.APPLICANT);
    return toApplicationObject(application, reviewer, next(application.stage));
  }
}
