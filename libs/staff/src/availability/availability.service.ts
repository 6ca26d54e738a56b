import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource, EntityManager } from 'typeorm';
import { StaffMemberEntity } from '../staff-member/staff-member.entity';
import { StaffScopeService } from '../staff-member/staff-scope.service';
import { assertAvailabilityPeriod } from './availability-rules';
import { AvailabilityPeriodEntity } from './availability-period.entity';
import { AddAvailabilityInput, AvailabilityPeriodObject } from './dto/availability.dto';
import { StaffPermission } from '../staff.permissions';

const toAvailabilityObject = (p: AvailabilityPeriodEntity): AvailabilityPeriodObject => ({
  id: p.id,
  staffMemberId: p.staffMemberId,
  kind: p.kind,
  startsAt: p.startsAt,
  endsAt: p.endsAt,
  note: p.note,
  createdAt: p.createdAt,
});

/**
 * The note is left out of the audit trail: it often says why ("exam", "hospital"), which is
 * personal data the admins reading the audit log do not need (the period itself is kept).
 */
const auditState = (p: AvailabilityPeriodEntity) => ({
  staffMemberId: p.staffMemberId,
  kind: p.kind,
  startsAt: p.startsAt.toISOString(),
  endsAt: p.endsAt.toISOString(),
});

/**
 * When a staff member can or would rather work. The person manages their own periods (self
 * service); coordinators whose grant covers them, and admins, manage anyone's.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly scope: StaffScopeService,
  ) {}

  /** The actor's own periods in one event; none when they have no staff record there. */
  async mine(actor: Actor, eventId: string): Promise<AvailabilityPeriodObject[]> {
    this.access.assertEvent(actor, StaffPermission.SELF_SERVICE, eventId);
    return this.periodsQuery(this.dataSource.manager)
      .innerJoin(StaffMemberEntity, 's', 's.id = p.staffMemberId')
      .where('s.eventId = :eventId AND s.userId = :userId', { eventId, userId: actor.userId })
      .getMany()
      .then((rows) => rows.map(toAvailabilityObject));
  }

  async forMember(actor: Actor, staffMemberId: string): Promise<AvailabilityPeriodObject[]> {
    const member = await this.dataSource.getRepository(StaffMemberEntity).findOneBy({ id: staffMemberId });
    if (!member) throw new NotFoundError('StaffMember', staffMemberId);
    // Reasons and patterns of absence are personal: the same circle as contact details.
    if (!this.scope.isSelf(actor, member)) this.scope.assertManages(actor, member, 'The availability of this staff member is outside your venues and teams');
    return (await this.periodsQuery(this.dataSource.manager).where('p.staffMemberId = :staffMemberId', { staffMemberId }).getMany()).map(toAvailabilityObject);
  }

  async add(actor: Actor, input: AddAvailabilityInput): Promise<AvailabilityPeriodObject> {
    assertAvailabilityPeriod(input.startsAt, input.endsAt);
    return this.transactions.run(async ({ manager }) => {
      const member = await this.memberToChange(actor, manager, input.staffMemberId);
      const repository = manager.getRepository(AvailabilityPeriodEntity);
      const period = await repository.save(
        repository.create({ staffMemberId: member.id, kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, note: input.note ?? null }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'availability.added',
        entityType: 'availability_period',
        entityId: period.id,
        eventId: member.eventId,
        after: auditState(period),
      });
      return toAvailabilityObject(period);
    });
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const period = await manager.getRepository(AvailabilityPeriodEntity).findOneBy({ id });
      if (!period) throw new NotFoundError('AvailabilityPeriod', id);
      const member = await this.memberToChange(actor, manager, period.staffMemberId);
      await manager.getRepository(AvailabilityPeriodEntity).delete({ id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'availability.removed',
        entityType: 'availability_period',
        entityId: id,
        eventId: member.eventId,
        before: auditState(period),
      });
      return true;
    });
  }

  private periodsQuery(manager: EntityManager) {
    return manager.getRepository(AvailabilityPeriodEntity).createQueryBuilder('p').orderBy('p.startsAt', 'ASC').addOrderBy('p.id', 'ASC');
  }

  /** The staff record being changed, locked, once the actor may change it. */
  private async memberToChange(actor: Actor, manager: EntityManager, staffMemberId: string | undefined): Promise<StaffMemberEntity> {
    const repository = manager.getRepository(StaffMemberEntity);
    if (!staffMemberId) {
      const own = await repository.find({ where: { userId: actor.userId } });
      const usable = own.filter((m) => this.scope.isSelf(actor, m));
      if (usable.length !== 1) {
        throw BadInputError.field(
          'staffMemberId',
          usable.length ? 'You have staff records in several events: say which one' : 'You have no staff record to add availability to',
          'required',
        );
      }
      staffMemberId = usable[0].id;
    }
    const member = await repository.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id: staffMemberId }).getOne();
    if (!member) throw new NotFoundError('StaffMember', staffMemberId);
    if (!this.scope.isSelf(actor, member)) this.scope.assertManages(actor, member, 'The availability of this staff member is outside your venues and teams');
    return member;
  }
}
