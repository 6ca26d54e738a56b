import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { Clock, ForbiddenError, NotFoundError } from '@baton/core';
import { workRulesFromRows } from '@baton/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { RuleCheckObject } from './dto/rule-check.object';
import { CandidateFacts, RuleFactsRepository, ShiftWithRules } from './rule-facts.repository';
import { ShiftEligibility } from './shift-eligibility';
import { coversPlacement } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

export type { Evaluation } from './shift-eligibility';

/**
 * The one entry point to the rules from the database: assign, sign-up, the replacement search,
 * and the swaps and automatic roster to come. It loads a shift's facts once — locked when the
 * caller is about to write — and hands back a `ShiftEligibility` that evaluates one candidate or
 * many from memory (`verdict`, the same pure function the in-memory solver calls).
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly facts: RuleFactsRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The facts of one shift and of one person, to write: the person's records are locked, then the
   * shift, each row read once, under its lock. A missing shift is NOT_FOUND here; a missing person
   * (or one of another event) when evaluated, after the caller has checked its scope.
   */
  async loadForWrite(manager: EntityManager, shiftId: string, staffMemberId: string): Promise<ShiftEligibility> {
    const locked = await this.facts.lockPerson(manager, staffMemberId);
    return this.load(manager, shiftId, [staffMemberId], true, locked);
  }

  /**
   * The facts of one shift and of some candidates, read without locking anything: one statement
   * for one candidate (assign's first judgement, checkAssignment).
   */
  async loadForRead(manager: EntityManager, shiftId: string, staffMemberIds: string[] = []): Promise<ShiftEligibility> {
    if (staffMemberIds.length !== 1) return this.load(manager, shiftId, staffMemberIds, false);
    const loaded = await this.facts.loadShiftWithCandidate(manager, shiftId, staffMemberIds[0]);
    if (!loaded) throw new NotFoundError('Shift', shiftId);
    return this.eligibility(loaded, loaded.candidates);
  }

  /** The same shift's facts with (more) candidates: the shift and its rules are not read again. */
  async withCandidates(manager: EntityManager, eligibility: ShiftEligibility, staffMemberIds: string[]): Promise<ShiftEligibility> {
    const candidates = await this.facts.loadCandidates(manager, eligibility.shift, staffMemberIds);
    return eligibility.with(candidates);
  }

  /** Answers "may this person take this shift?" without writing or locking anything. */
  async check(actor: Actor, shiftId: string, staffMemberId: string): Promise<RuleCheckObject> {
    const eligibility = await this.loadForRead(this.dataSource.manager, shiftId, [staffMemberId]);
    this.assertRosterScope(actor, eligibility.shift);
    const evaluation = eligibility.evaluate(staffMemberId);
    return { allowed: evaluation.allowed, violations: evaluation.blocking, warnings: evaluation.warnings };
  }

  /** Coordinators act only on shifts at venues and of teams their grant covers. */
  assertRosterScope(actor: Actor, shift: { eventId: string; venueId: string; teamId: string }): void {
    const place = { eventId: shift.eventId, venueId: shift.venueId, teamId: shift.teamId };
    if (!coversPlacement(rosterViewer(actor), place)) throw new ForbiddenError('This is outside your venues or teams', { ...place });
  }

  private async load(
    manager: EntityManager,
    shiftId: string,
    staffMemberIds: string[],
    lock: boolean,
    locked: Parameters<RuleFactsRepository['loadCandidates']>[3] = [],
  ): Promise<ShiftEligibility> {
    const loaded = await this.facts.loadShift(manager, shiftId, lock);
    if (!loaded) throw new NotFoundError('Shift', shiftId);
    const candidates = await this.facts.loadCandidates(manager, loaded.shift, staffMemberIds, locked);
    return this.eligibility(loaded, candidates);
  }

  private eligibility({ shift, rules }: ShiftWithRules, candidates: Map<string, CandidateFacts>): ShiftEligibility {
    return new ShiftEligibility(shift, workRulesFromRows(shift.eventId, rules), this.clock.now(), candidates);
  }
}
