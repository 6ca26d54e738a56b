import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders, loadVisible } from '@baton/graphql';
import { ShiftLoader, ShiftObject } from '@baton/scheduling';
import { AssignmentObject } from '../assignment/dto/assignment.dto';
import { RuleCheckObject } from './dto/rule-check.object';
import { ReplacementCandidateObject } from '../replacements/replacement.dto';
import { MaxDailyOutcome, MinRestOutcome, OverlapOutcome, RuleOutcomeObject } from './dto/rule-outcome.objects';
import { noteToRuleOutcomeObject, toRuleOutcomeObject } from './rule-outcome.mapper';

/** Wherever rule outcomes appear, they are mapped to their typed GraphQL objects here. */
@Resolver(() => RuleCheckObject)
export class RuleCheckOutcomesResolver {
  @ResolveField(() => [RuleOutcomeObject], { description: 'Rules that block, every one of them' })
  violations(@Parent() check: RuleCheckObject) {
    return check.violations.map(toRuleOutcomeObject);
  }

  @ResolveField(() => [RuleOutcomeObject], { description: 'Rules that would only warn (recorded on the assignment as ruleNotes)' })
  warnings(@Parent() check: RuleCheckObject) {
    return check.warnings.map(toRuleOutcomeObject);
  }
}

@Resolver(() => ReplacementCandidateObject)
export class ReplacementWarningsResolver {
  @ResolveField(() => [RuleOutcomeObject], { description: 'Rules that would only warn if this person were assigned' })
  warnings(@Parent() candidate: ReplacementCandidateObject) {
    return candidate.warnings.map(toRuleOutcomeObject);
  }
}

@Resolver(() => AssignmentObject)
export class AssignmentRuleNotesResolver {
  @ResolveField(() => [RuleOutcomeObject], {
    description: 'Rules that warned, or blocked and were overridden by an admin (severity BLOCK), when the assignment was made',
  })
  ruleNotes(@Parent() assignment: AssignmentObject) {
    return assignment.ruleNotes.map(noteToRuleOutcomeObject);
  }
}

@Resolver(() => OverlapOutcome)
export class OverlapOutcomeResolver {
  @ResolveField(() => ShiftObject, { nullable: true, description: 'The other shift (shiftId), where you may read it' })
  shift(@Parent() outcome: OverlapOutcome, @Loaders() loaders: LoaderRegistry) {
    return outcome.shiftId ? loaders.get(ShiftLoader).load(outcome.shiftId) : null;
  }
}

@Resolver(() => MinRestOutcome)
export class MinRestOutcomeResolver {
  @ResolveField(() => ShiftObject, { nullable: true, description: 'The neighbouring shift (neighbourShiftId), where you may read it' })
  neighbourShift(@Parent() outcome: MinRestOutcome, @Loaders() loaders: LoaderRegistry) {
    return outcome.neighbourShiftId ? loaders.get(ShiftLoader).load(outcome.neighbourShiftId) : null;
  }
}

@Resolver(() => MaxDailyOutcome)
export class MaxDailyOutcomeResolver {
  @ResolveField(() => [ShiftObject], { description: 'The other shifts of that day (shiftIds) you may read' })
  shifts(@Parent() outcome: MaxDailyOutcome, @Loaders() loaders: LoaderRegistry) {
    return loadVisible(loaders.get(ShiftLoader), outcome.shiftIds);
  }
}
