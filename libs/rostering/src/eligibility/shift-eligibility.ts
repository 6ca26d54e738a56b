import { NotFoundError } from '@baton/core';
import type { WorkRuleValues } from '@baton/scheduling';
import { shiftRules } from './rule-engine';
import type { CandidateFacts, LoadedShift } from './rule-facts.repository';
import type { RuleOutcome } from './rule-types';
import { verdict, Verdict } from './verdict';

export interface Evaluation extends Verdict {
  facts: CandidateFacts & { shift: LoadedShift };
}

/**
 * One shift's facts, read once (and locked, when writing), and the candidates loaded with it:
 * `evaluate(one)` and `evaluateMany(candidates)` answer from memory, with no further query.
 */
export class ShiftEligibility {
  constructor(
    readonly shift: LoadedShift,
    /** The rules in force for each employment type of the shift's event. */
    readonly rulesByType: Readonly<Record<string, WorkRuleValues>>,
    private readonly now: Date,
    private readonly candidates: ReadonlyMap<string, CandidateFacts>,
  ) {}

  /** The same shift, rules and clock with these candidates added. */
  with(candidates: ReadonlyMap<string, CandidateFacts>): ShiftEligibility {
    return new ShiftEligibility(this.shift, this.rulesByType, this.now, new Map([...this.candidates, ...candidates]));
  }

  /** The hard rules about the shift itself, whoever would take it (published, not over, not full). */
  shiftRefusals(): RuleOutcome[] {
    return shiftRules(this.shift, this.now);
  }

  /**
   * The verdict on one loaded candidate. A record that does not exist, or belongs to another
   * event, reads as not found: neither its existence nor its roster leaks through rule details.
   */
  evaluate(staffMemberId: string): Evaluation {
    const candidate = this.candidates.get(staffMemberId);
    if (!candidate || candidate.staff.eventId !== this.shift.eventId) throw new NotFoundError('Staff member', staffMemberId);
    return this.judge(candidate);
  }

  /** Verdicts on the loaded candidates of this event, in the order asked; unknown ids are left out. */
  evaluateMany(staffMemberIds: string[] = [...this.candidates.keys()]): Evaluation[] {
    const result: Evaluation[] = [];
    for (const id of staffMemberIds) {
      const candidate = this.candidates.get(id);
      if (candidate && candidate.staff.eventId === this.shift.eventId) result.push(this.judge(candidate));
    }
    return result;
  }

  private judge(candidate: CandidateFacts): Evaluation {
    const rules = this.rulesByType[candidate.staff.employmentType];
    const facts = { ...candidate, shift: this.shift };
    return { ...verdict({ ...facts, rules, now: this.now }), facts };
  }
}
