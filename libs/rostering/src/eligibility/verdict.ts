import { evaluateRules } from './rule-engine';
import { RuleFacts, RuleOutcome } from './rule-types';

/** The rules' answer on one candidate for one shift. */
export interface Verdict {
  /** No outcome blocks. */
  allowed: boolean;
  outcomes: RuleOutcome[];
  blocking: RuleOutcome[];
  warnings: RuleOutcome[];
}

/**
 * The one verdict every path reads: assign, sign-up, the replacement search, the roster solver
 * (and so the demo roster), swaps to come. Pure, over facts the caller gathered — from the
 * database (`EligibilityService`) or from memory (the solver).
 */
export function verdict(facts: RuleFacts): Verdict {
  const outcomes = evaluateRules(facts);
  const blocking = outcomes.filter((o) => o.severity === 'BLOCK');
  return { allowed: blocking.length === 0, outcomes, blocking, warnings: outcomes.filter((o) => o.severity === 'WARN') };
}
