import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { WorkRuleService } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { DataSource, EntityManager } from 'typeorm';
import { RuleCheckObject } from './dto/rule-check.object';
import { evaluateRules } from './rule-engine';
import { LoadedFacts, RuleFactsRepository } from './rule-facts.repository';
import { RuleOutcome } from './rule-types';

export interface Evaluation {
  facts: LoadedFacts;
  outcomes: RuleOutcome[];
  blocking: RuleOutcome[];
  warnings: RuleOutcome[];
}

/** The one entry point to the rules: assign, sign-up, swaps and the automatic roster all come here. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly facts: RuleFactsRepository,
    private readonly workRules: WorkRuleService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Before any fact is read (or locked): the shift must be in the actor's venues and teams, and
   * the person in the shift's event. A person of another event reads as not found, so neither
   * their existence nor their roster, absences or skills leak through the rule details.
   */
  async assertMayEvaluate(manager: EntityManager, actor: Actor, shiftId: string, staffMemberId: string, checkScope = true): Promise<void> {
    const [row] = await manager.query(
      `SELECT s.event_id, s.venue_id, s.team_id, (SELECT m.event_id FROM staff_members m WHERE m.id = $2) AS staff_event_id FROM shifts s WHERE s.id = $1`,
      [shiftId, staffMemberId],
    );
    if (!row) throw new NotFoundError('Shift', shiftId);
    if (checkScope) this.assertRosterScope(actor, { eventId: row.event_id, venueId: row.venue_id, teamId: row.team_id });
    if (row.staff_event_id !== row.event_id) throw new NotFoundError('Staff member', staffMemberId);
  }

  async evaluate(manager: EntityManager, shiftId: string, staffMemberId: string, lock: boolean): Promise<Evaluation> {
    const facts = await this.facts.load(manager, shiftId, staffMemberId, lock);
    if ('missing' in facts) throw new NotFoundError(facts.missing === 'shift' ? 'Shift' : 'Staff member', facts.missing === 'shift' ? shiftId : staffMemberId);
    const rules = await this.workRules.effectiveRules(facts.shift.eventId, facts.staff.employmentType as EmploymentType, manager);
    const outcomes = evaluateRules({ ...facts, rules, now: this.clock.now() });
    return {
      facts,
      outcomes,
      blocking: outcomes.filter((o) => o.severity === 'BLOCK'),
      warnings: outcomes.filter((o) => o.severity === 'WARN'),
    };
  }

  /** Answers "may this person take this shift?" without writing or locking anything. */
  async check(actor: Actor, shiftId: string, staffMemberId: string): Promise<RuleCheckObject> {
    await this.assertMayEvaluate(this.dataSource.manager, actor, shiftId, staffMemberId);
    const evaluation = await this.evaluate(this.dataSource.manager, shiftId, staffMemberId, false);
    return { allowed: evaluation.blocking.length === 0, violations: evaluation.blocking, warnings: evaluation.warnings };
  }

  /** Coordinators act only on shifts at venues and of teams their grant covers. */
  assertRosterScope(actor: Actor, shift: { eventId: string; venueId: string; teamId: string }): void {
    this.access.assertVenueTeam(actor, { eventId: shift.eventId, venueId: shift.venueId, teamId: shift.teamId });
  }
}
