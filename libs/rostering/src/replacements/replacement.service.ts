import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { DataSource } from 'typeorm';
import { ruleViolation } from '../eligibility/rule-problems';
import type { RuleOutcome } from '../eligibility/rule-types';
import { EligibilityService } from '../eligibility/eligibility.service';
import type { ShiftEligibility } from '../eligibility/shift-eligibility';
import { ReplacementCandidateObject } from './replacement.dto';
import { ReplacementCache } from './replacement-cache';
import { prefilterParams, prefilterRules, REPLACEMENT_CANDIDATES_SQL } from './replacement-candidates.sql';

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
  weekly_ok: boolean;
}

/** A prefilter row with numbers as numbers (numeric columns arrive as text) and camelCase keys. */
interface Candidate {
  id: string;
  displayName: string;
  teamId: string | null;
  homeVenueId: string | null;
  employmentType: string;
  hoursAssigned: number;
  score: { skills: number; team: number; venue: number; workload: number; preference: number };
  /** False when the week already worked is proven over the weekly maximum (a lower bound): the core would refuse. */
  weeklyOk: boolean;
}

const toCandidate = (row: CandidateRow): Candidate => ({
  id: row.id,
  displayName: row.display_name,
  teamId: row.team_id,
  homeVenueId: row.home_venue_id,
  employmentType: row.employment_type,
  hoursAssigned: Number(row.hours_assigned),
  score: {
    skills: Number(row.score_skills),
    team: Number(row.score_team),
    venue: Number(row.score_venue),
    workload: Number(row.score_workload),
    preference: Number(row.score_preference),
  },
  weeklyOk: row.weekly_ok,
});

/**
 * "Who can take this shift right now?" PostgreSQL narrows the event's staff by what it can prove
 * from indexes and the working-time table (the daily maximum exactly, the weekly one as a lower
 * bound) and ranks them (a prefilter, nothing more); the verdict on the short list comes from the
 * eligibility core, so nobody is proposed whom `assign` would refuse. Four statements a request,
 * whatever the page size: the shift, its rules, the prefilter, the candidates' facts.
 *
 * The hard rules about the shift itself come first, as `assign` applies them: a shift that is
 * over, not published (a draft, or cancelled) or full answers RULE_VIOLATION with the rule rather
 * than a list nobody could take. A full shift included: there is no swap operation, so a
 * replacement for a no-show starts by freeing the place (`unassign`) or raising the headcount.
 *
 * Those shift rules and the viewer's scope are judged on every request; the list itself is kept
 * (ReplacementCache) under the shift's values, its rules and the page size, until a write to what
 * the search reads empties the cache: then one statement a request (the shift with its rules) instead of three.
 */
@Injectable()
export class ReplacementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly cache: ReplacementCache,
  ) {}

  async candidates(actor: Actor, shiftId: string, first: number): Promise<ReplacementCandidateObject[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_CANDIDATES)
      throw BadInputError.field('first', `Ask for 1 to ${MAX_CANDIDATES} candidates`, 'range');
    const version = this.cache.version;
    const eligibility = await this.eligibility.loadForRead(this.dataSource.manager, shiftId);
    this.eligibility.assertRosterScope(actor, eligibility.shift);
    const refusals = eligibility.shiftRefusals();
    if (refusals.length) throw ruleViolation(refusals);

    const rules = prefilterRules(eligibility.rulesByType);
    const key = JSON.stringify([eligibility.shift, rules, first]);
    return [...(await this.cache.answer(key, version, () => this.search(eligibility, rules, first)))];
  }

  private async search(eligibility: ShiftEligibility, rules: string, first: number): Promise<ReplacementCandidateObject[]> {
    const manager = this.dataSource.manager;

    // The core still drops what the prefilter cannot prove (a short rest or an overlap it has no
    // exact bound for, a heavy week by less than a minute): a small margin, then wider passes
    // until the page is full or the candidates are exhausted, so a page is never short while
    // someone eligible is left.
    let limit = first + 5;
    let rows: Candidate[];
    let verdicts: Map<string, { allowed: boolean; warnings: RuleOutcome[] }>;
    let loaded = eligibility;
    const known = new Set<string>();
    for (;;) {
      rows = (await this.dataSource.query<CandidateRow[]>(REPLACEMENT_CANDIDATES_SQL, prefilterParams(eligibility.shift, limit, rules))).map(toCandidate);
      // Those the weekly bound already refuses are not judged again: their facts are not loaded.
      const judged = rows.filter((r) => r.weeklyOk);
      // A wider pass repeats the rows of the narrower one: their facts are already loaded.
      const fresh = judged.map((r) => r.id).filter((id) => !known.has(id));
      loaded = await this.eligibility.withCandidates(manager, loaded, fresh);
      for (const id of fresh) known.add(id);
      verdicts = new Map(loaded.evaluateMany(judged.map((r) => r.id)).map((e) => [e.facts.staff.id, e]));
      const allowed = judged.filter((r) => verdicts.get(r.id)?.allowed).length;
      if (allowed >= first || rows.length < limit) break;
      limit *= 4;
    }
    const result: ReplacementCandidateObject[] = [];
    for (const row of rows) {
      const evaluation = verdicts.get(row.id);
      if (!evaluation?.allowed) continue;
      const parts = row.score;
      result.push({
        staffMemberId: row.id,
        displayName: row.displayName,
        teamId: row.teamId,
        homeVenueId: row.homeVenueId,
        employmentType: row.employmentType,
        hoursAssigned: Math.round(row.hoursAssigned * 100) / 100,
        score: { ...parts, total: Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 100) / 100 },
        warnings: evaluation.warnings,
      });
      if (result.length === first) break;
    }
    return result;
  }
}
