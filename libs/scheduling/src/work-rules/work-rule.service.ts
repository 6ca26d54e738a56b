import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EventEntity } from '@baton/events';
import { EmploymentType } from '@baton/staff';
import { DataSource, EntityManager } from 'typeorm';
import { WorkRulesInput } from './dto/work-rules.dto';
import { defaultWorkRules, WorkRules } from './work-rule-defaults';
import { WorkRuleSetEntity } from './work-rule-set.entity';
import { SchedulingPermission } from '../scheduling.permissions';

const EMPLOYMENT_TYPES = Object.values(EmploymentType);

function fromEntity(row: WorkRuleSetEntity): WorkRules {
  return {
    eventId: row.eventId,
    employmentType: row.employmentType,
    minRestMinutes: row.minRestMinutes,
    maxDailyMinutes: row.maxDailyMinutes,
    maxWeeklyMinutes: row.maxWeeklyMinutes,
    restMode: row.restMode,
    dailyMode: row.dailyMode,
    weeklyMode: row.weeklyMode,
    skillsMode: row.skillsMode,
    accreditationMode: row.accreditationMode,
    availabilityMode: row.availabilityMode,
    isDefault: false,
  };
}

/** The working-time rules of an event: stored per employment type, else the brief's defaults. */
@Injectable()
export class WorkRuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /**
   * The rules in force for one employment type of one event. Pass the transaction's manager when
   * called inside a unit of work (the embedded database has a single connection per transaction).
   */
  async effectiveRules(eventId: string, employmentType: EmploymentType, manager?: EntityManager): Promise<WorkRules> {
    const row = await (manager ?? this.dataSource.manager).getRepository(WorkRuleSetEntity).findOneBy({ eventId, employmentType });
    return row ? fromEntity(row) : defaultWorkRules(eventId, employmentType);
  }

  /** The rules in force for every employment type of one event, in one query. */
  async effectiveRulesByType(eventId: string, manager?: EntityManager): Promise<Record<EmploymentType, WorkRules>> {
    const rows = await (manager ?? this.dataSource.manager).getRepository(WorkRuleSetEntity).findBy({ eventId });
    const stored = new Map(rows.map((r) => [r.employmentType, fromEntity(r)]));
    return Object.fromEntries(EMPLOYMENT_TYPES.map((type) => [type, stored.get(type) ?? defaultWorkRules(eventId, type)])) as Record<EmploymentType, WorkRules>;
  }

  async list(actor: Actor, eventId: string): Promise<WorkRules[]> {
    this.access.assertEvent(actor, SchedulingPermission.SHIFTS_READ, eventId);
    const byType = await this.effectiveRulesByType(eventId);
    return EMPLOYMENT_TYPES.map((type) => byType[type]);
  }

  /** Creates or changes the rule set of one employment type; fields left out keep their value. */
  async set(actor: Actor, eventId: string, employmentType: EmploymentType, input: WorkRulesInput): Promise<WorkRules> {
    this.access.assertEvent(actor, SchedulingPermission.RULES_MANAGE, eventId);
    const changes = updateChanges(input); // every limit and mode has a value: null is refused
    return this.transactions.run(async ({ manager }) => {
      if (!(await manager.getRepository(EventEntity).existsBy({ id: eventId }))) throw new NotFoundError('Event', eventId);
      const repository = manager.getRepository(WorkRuleSetEntity);
      const existing = await repository
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.eventId = :eventId AND r.employmentType = :employmentType', { eventId, employmentType })
        .getOne();
      const before = existing ? fromEntity(existing) : defaultWorkRules(eventId, employmentType);
      const { isDefault: _isDefault, ...values } = { ...before, ...changes };
      if (values.maxDailyMinutes > values.maxWeeklyMinutes) {
        throw BadInputError.field('maxWeeklyMinutes', 'The weekly limit cannot be lower than the daily limit', 'dailyWithinWeekly');
      }
      // An upsert keeps two concurrent first writes from colliding on the (event, type) key.
      await repository.upsert(values, ['eventId', 'employmentType']);
      const row = await repository.findOneByOrFail({ eventId, employmentType });
      const after = fromEntity(row);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'work_rules.updated',
        entityType: 'work_rule_set',
        entityId: row.id,
        eventId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }
}
