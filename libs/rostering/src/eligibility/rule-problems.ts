import { RuleViolationError } from '@baton/core';
import { RuleOutcome } from './rule-types';

/** One rule outcome as clients receive it, in RULE_VIOLATION errors and in `ruleNotes`. */
export const toProblem = (o: RuleOutcome) => ({ rule: o.rule, message: o.message, severity: o.severity, configurable: o.configurable, ...o.details });

export const ruleMessage = (rules: RuleOutcome[]) =>
  `Refused by ${rules.length === 1 ? 'a rule' : `${rules.length} rules`}: ${rules.map((r) => r.message).join('; ')}`;

export const ruleViolation = (rules: RuleOutcome[]) => new RuleViolationError(ruleMessage(rules), rules.map(toProblem));
