import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { WorkRuleService } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { DataSource, EntityManager } from 'typeorm';
import { RuleCheckObject } from '../dto/assignment.dto';
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
export class RuleCheckService {
  constructor(
    private readonly facts: RuleFactsRepository,
    private readonly workRules: WorkRuleService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

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
    const evaluation = await this.evaluate(this.dataSource.manager, shiftId, staffMemberId, false);
    this.assertRosterScope(actor, evaluation.facts.shift);
    return { allowed: evaluation.blocking.length === 0, violations: evaluation.blocking, warnings: evaluation.warnings };
  }

  /** Coordinators act only on shifts at venues and of teams their grant covers. */
  assertRosterScope(actor: Actor, shift: { eventId: string; venueId: string; teamId: string }): void {
    this.access.assertVenueTeam(actor, { eventId: shift.eventId, venueId: shift.venueId, teamId: shift.teamId });
  }
}
