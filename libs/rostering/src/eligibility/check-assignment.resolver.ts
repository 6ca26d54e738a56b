import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { RuleCheckObject } from './dto/rule-check.object';
import { EligibilityService } from './eligibility.service';
import { RosteringPermission } from '../rostering.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => RuleCheckObject)
export class CheckAssignmentResolver {
  constructor(private readonly eligibility: EligibilityService) {}

  @Query(() => RuleCheckObject, { description: 'Would this assignment pass every rule right now? Writes nothing.' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  checkAssignment(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseIdPipe) shiftId: string,
    @Args('staffMemberId', { type: () => ID, description: 'A staff member of the same event' }, ParseIdPipe) staffMemberId: string,
  ) {
    return this.eligibility.check(actor, shiftId, staffMemberId);
  }
}
