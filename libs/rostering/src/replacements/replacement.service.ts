import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, NotFoundError } from '@baton/core';
import { WorkRuleService } from '@baton/scheduling';
import { DataSource } from 'typeorm';
import { evaluateRules, shiftRules } from '../eligibility/rule-engine';
import { ruleViolation } from '../eligibility/rule-problems';
import { EligibilityService } from '../eligibility/eligibility.service';
import { RuleFactsRepository } from '../eligibility/rule-facts.repository';
import { ReplacementCandidateObject } from './replacement.dto';
import { REPLACEMENT_CANDIDATES_SQL } from './replacement-candidates.sql';

export const MAX_CANDIDATES = 100;

interface CandidateRow {
  id: string;
  display_name: string;
  team_id: string | null;
  home_venue_id: string | null;
  employment_type: string;
  hours_assigned: string | number;
  score_skills: string;
  score_team: number;
  score_venue: string;
  score_workload: string;
  score_preference: number;
}

/**
 * "Who can take this shift right now?" PostgreSQL filters the event's staff by every rule it
 * can check with an index and ranks them; the exact rule engine then re-checks the short list
 * (the weekly window included), so nobody is proposed whom `assign` would refuse.
 *
 * The hard rules about the shift itself come first, as `assign` applies them: a shift that is
 * over, not published (a draft, or cancelled) or full answers RULE_VIOLATION with the rule rather
 * than a list nobody could take. A full shift included: there is no swap operation, so a
 * replacement for a no-show starts by freeing the place (`unassign`) or raising the headcount.
 */
@Injectable()
export class ReplacementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: EligibilityService,
    private readonly facts: RuleFactsRepository,
    private readonly workRules: WorkRuleService,
    private readonly clock: Clock,
  ) {}

  async candidates(actor: Actor, shiftId: string, first: number): Promise<ReplacementCandidateObject[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_CANDIDATES)
      throw BadInputError.field('first', `Ask for 1 to ${MAX_CANDIDATES} candidates`, 'range');
    const [shift] = await this.dataSource.query(`SELECT id, event_id, venue_id, team_id, status, ends_at, headcount, active_count FROM shifts WHERE id = $1`, [
      shiftId,
    ]);
    if (!shift) throw new NotFoundError('Shift', shiftId);
    this.rules.assertRosterScope(actor, { eventId: shift.event_id, venueId: shift.venue_id, teamId: shift.team_id });
    const refusals = shiftRules({ status: shift.status, endsAt: shift.ends_at, headcount: shift.headcount, activeCount: shift.active_count }, this.clock.now());
    if (refusals.length) throw ruleViolation(refusals);

    const byType = await this.workRules.effectiveRulesByType(shift.event_id);
    const blocking = Object.fromEntries(
      Object.entries(byType).map(([type, r]) => [
        type,
        {
          minRest: r.minRestMinutes,
          maxDaily: r.maxDailyMinutes,
          rest: r.restMode === 'BLOCK',
          daily: r.dailyMode === 'BLOCK',
          skills: r.skillsMode === 'BLOCK',
          accreditation: r.accreditationMode === 'BLOCK',
          availability: r.availabilityMode === 'BLOCK',
        },
      ]),
    );
    // A margin over `first`: the exact check may still drop a few (weekly maximum).
    const rows: CandidateRow[] = await this.dataSource.query(REPLACEMENT_CANDIDATES_SQL, [shiftId, Math.min(first * 2 + 10, 250), JSON.stringify(blocking)]);
    const facts = await this.facts.loadMany(
      this.dataSource.manager,
      shiftId,
      rows.map((r) => r.id),
    );
    const factsById = new Map(facts.map((f) => [f.staff.id, f]));
    const now = this.clock.now();
    const result: ReplacementCandidateObject[] = [];
    for (const row of rows) {
      const f = factsById.get(row.id);
      if (!f) continue;
      const outcomes = evaluateRules({ ...f, rules: byType[f.staff.employmentType as keyof typeof byType], now });
      if (outcomes.some((o) => o.severity === 'BLOCK')) continue;
      const parts = {
        skills: Number(row.score_skills),
        team: Number(row.score_team),
        venue: Number(row.score_venue),
        workload: Number(row.score_workload),
        preference: Number(row.score_preference),
      };
      result.push({
        staffMemberId: row.id,
        displayName: row.display_name,
        teamId: row.team_id,
        homeVenueId: row.home_venue_id,
        employmentType: row.employment_type,
        hoursAssigned: Math.round(Number(row.hours_assigned) * 100) / 100,
        score: { ...parts, total: Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 100) / 100 },
        warnings: outcomes.filter((o) => o.severity === 'WARN'),
      });
      if (result.length === first) break;
    }
    return result;
  }
}
