import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { EmploymentType } from '@baton/staff';
import { WorkRulesInput, WorkRulesObject } from './dto/work-rules.dto';
import { WorkRuleService } from './work-rule.service';
import { SchedulingPermission } from '../scheduling.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => WorkRulesObject)
export class WorkRulesResolver {
  constructor(private readonly rules: WorkRuleService) {}

  @Query(() => [WorkRulesObject], { description: 'The rules in force for each employment type of an event (stored or default)' })
  @Allow(SchedulingPermission.SHIFTS_READ)
  workRules(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string) {
    return this.rules.list(actor, eventId);
  }

  @Mutation(() => WorkRulesObject, { description: 'Set the rules of one employment type for an event; omitted fields keep their value' })
  @Allow(SchedulingPermission.RULES_MANAGE)
  setWorkRules(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string,
    @Args('employmentType', { type: () => EmploymentType, description: 'Whom the rules apply to' }) employmentType: EmploymentType,
    @Args('input', { description: 'The values that change' }) input: WorkRulesInput,
  ) {
    return this.rules.set(actor, eventId, employmentType, input);
  }
}
