import { Field, ObjectType } from '@nestjs/graphql';
import type { RuleOutcome } from '../rule-types';

/** `violations` and `warnings` are typed by a field resolver (rule-outcome.resolver), from the engine's outcomes. */
@ObjectType('RuleCheck', { description: 'What the rules would say of one assignment right now' })
export class RuleCheckObject {
  @Field({ description: 'True when no rule blocks' }) allowed: boolean;
  violations: RuleOutcome[];
  warnings: RuleOutcome[];
}
