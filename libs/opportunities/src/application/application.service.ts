import { Injectable } from '@nestjs/common';
import { AlumniConsentEntity, AlumniProfileEntity } from '@baton/alumni';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { UserDirectoryService } from '@baton/identity';
import { OutboxService } from '@baton/outbox';
import { EntityManager, IsNull } from 'typeorm';
import { ApplicationStage, OpportunityStatus, StageMover } from '../common/opportunity-enums';
import { effectiveStatus, isLive, reviewsApplications, seesOpportunity } from '../opportunity/opportunity-access';
import { OpportunityEntity } from '../opportunity/opportunity.entity';
import { ApplicationEntity, ApplicationHistoryEntity } from './application.entity';
import { MembershipRequiredError, OpportunityNotOpenError, StageMoveError } from './application.errors';
import { toApplicationObject } from './application.mapper';
import { CvSnapshotBuilder } from './cv-snapshot.builder';
import { ApplicationObject } from './dto/application.object';
import { ApplyInput, MoveApplicationInput } from './dto/application.input';
import { StageMoves } from './stage-moves';

const STAGE_WORDS: Record<ApplicationStage, string> = {
  SUBMITTED: 'submitted',
  IN_REVIEW: 'in review',
  INTERVIEW: 'invited to interview',
  OFFER: 'an offer',
  HIRED: 'hired',
  REJECTED: 'not retained',
  WITHDRAWN: 'withdrawn',
};

/**
 * Applying, moving and withdrawing. Lock order: the opportunity (FOR SHARE to apply, so a close
 * waits for applications in flight), then the application (FOR UPDATE to move it), then inserts.
 */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly users: UserDirectoryService,
    private readonly snapshots: CvSnapshotBuilder,
    private readonly moves: StageMoves,
    private readonly clock: Clock,
  ) {}

  async apply(actor: Actor, input: ApplyInput): Promise<ApplicationObject> {
    const now = this.clock.now();
    return this.transactions.run(async ({ manager }) => {
      const opportunity = await manager.getRepository(OpportunityEntity).findOne({ where: { id: input.opportunityId }, lock: { mode: 'pessimistic_read' } });
      // A draft stays unconfirmed; a closed or expired one was public, so it says why.
      if (!opportunity || (opportunity.status === OpportunityStatus.DRAFT && !seesOpportunity(actor, opportunity, now))) {
        throw new NotFoundError('Opportunity', input.opportunityId);
      }
      if (!isLive(opportunity, now)) throw new OpportunityNotOpenError(effectiveStatus(opportunity, now));
      if (opportunity.authorId === actor.userId) {
        throw new RuleViolationError('You cannot apply to an opportunity you posted', [{ rule: 'OWN_OPPORTUNITY', message: 'You posted this opportunity' }]);
      }
      const profile = await this.memberProfile(manager, actor);
      const repository = manager.getRepository(ApplicationEntity);
      if (await repository.exists({ where: { opportunityId: opportunity.id, applicantId: actor.userId } })) {
        throw new ConflictError('You already applied to this opportunity', { constraint: 'applications_once_key', field: 'opportunityId' });
      }
      const saved = await repository.save(
        repository.create({
          opportunityId: opportunity.id,
          applicantId: actor.userId,
          message: input.message?.trim() || null,
          cvSnapshot: await this.snapshots.build(manager, profile, now),
          stage: ApplicationStage.SUBMITTED,
        }),
      );
      await manager.getRepository(ApplicationHistoryEntity).insert({
        applicationId: saved.id,
        fromStage: null,
        toStage: ApplicationStage.SUBMITTED,
        actorUserId: actor.userId,
        note: null,
        at: now,
      });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'application.submitted',
        entityType: 'application',
        entityId: saved.id,
        after: { opportunityId: opportunity.id, stage: saved.stage },
      });
      return toApplicationObject(saved, false, await this.moves.next(saved.stage, StageMover.APPLICANT, manager));
    });
  }

  /** A recruiter of the opportunity's organisation moves it; the applicant hears of it through the outbox. */
  async move(actor: Actor, id: string, input: MoveApplicationInput): Promise<ApplicationObject> {
    const now = this.clock.now();
    return this.transactions.run(async ({ manager }) => {
      const { application, opportunity } = await this.lock(manager, id);
      if (!reviewsApplications(actor, opportunity)) {
        if (application.applicantId === actor.userId)
          throw new ForbiddenError('Only the organisation moves an application; you may withdraw it', { applicationId: id });
        throw new NotFoundError('Application', id);
      }
      const saved = await this.change(manager, actor, application, input, StageMover.RECRUITER, now);
      const [account] = await this.users.accountsOf(manager, [application.applicantId]);
      if (account) {
        await this.outbox.enqueue(manager, {
          recipient: account.email,
          template: 'application.stage_changed',
          subject: `Your application for ${opportunity.title}: ${STAGE_WORDS[saved.stage]}`,
          body: `Your application for "${opportunity.title}" is now ${STAGE_WORDS[saved.stage]}.${input.note ? `\n\n${input.note}` : ''}`,
          payload: { applicationId: id, opportunityId: opportunity.id, stage: saved.stage },
        });
      }
      return toApplicationObject(saved, true, await this.moves.next(saved.stage, StageMover.RECRUITER, manager));
    });
  }

  async withdraw(actor: Actor, id: string, note?: string | null): Promise<ApplicationObject> {
    if (note && note.length > 2000) throw BadInputError.field('note', 'A note may be at most 2,000 characters', 'maxLength');
    const now = this.clock.now();
    return this.transactions.run(async ({ manager }) => {
      const { application, opportunity } = await this.lock(manager, id);
      if (application.applicantId !== actor.userId) {
        if (reviewsApplications(actor, opportunity)) throw new ForbiddenError('Only the applicant withdraws an application', { applicationId: id });
        throw new NotFoundError('Application', id);
      }
      const saved = await this.change(manager, actor, application, { stage: ApplicationStage.WITHDRAWN, note }, StageMover.APPLICANT, now);
      return toApplicationObject(saved, false, []);
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<{ application: ApplicationEntity; opportunity: OpportunityEntity }> {
    const application = await manager.getRepository(ApplicationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new NotFoundError('Application', id);
    const opportunity = await manager.getRepository(OpportunityEntity).findOneByOrFail({ id: application.opportunityId });
    return { application, opportunity };
  }

  private async change(
    manager: EntityManager,
    actor: Actor,
    application: ApplicationEntity,
    input: MoveApplicationInput,
    mover: StageMover,
    now: Date,
  ): Promise<ApplicationEntity> {
    const allowed = await this.moves.next(application.stage, mover, manager);
    if (!allowed.includes(input.stage)) throw new StageMoveError(application.stage, input.stage, allowed);
    const from = application.stage;
    application.stage = input.stage;
    const saved = await manager.getRepository(ApplicationEntity).save(application);
    await manager.getRepository(ApplicationHistoryEntity).insert({
      applicationId: application.id,
      fromStage: from,
      toStage: input.stage,
      actorUserId: actor.userId,
      note: input.note?.trim() || null,
      at: now,
    });
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action: 'application.moved',
      entityType: 'application',
      entityId: application.id,
      before: { stage: from },
      after: { stage: input.stage },
    });
    return saved;
  }

  private async memberProfile(manager: EntityManager, actor: Actor): Promise<AlumniProfileEntity> {
    const member = await manager.getRepository(AlumniConsentEntity).exists({ where: { userId: actor.userId, withdrawnAt: IsNull() } });
    const profile = member ? await manager.getRepository(AlumniProfileEntity).findOneBy({ userId: actor.userId }) : null;
    if (!profile) throw new MembershipRequiredError();
    return profile;
  }
}
