import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { ReplacementCandidateObject } from './replacement.dto';
import { MAX_CANDIDATES, ReplacementService } from './replacement.service';
import { RosteringPermission } from '../rostering.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => ReplacementCandidateObject)
export class ReplacementResolver {
  constructor(private readonly replacements: ReplacementService) {}

  @Query(() => [ReplacementCandidateObject], {
    description: `People who pass every blocking rule for this shift right now, best first, with the score explained (1 to ${MAX_CANDIDATES}). A shift that is over, not published (draft or cancelled) or full answers RULE_VIOLATION with that rule, as assign would: free a place first (unassign a no-show) to replace someone.`,
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  replacementCandidates(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseIdPipe) shiftId: string,
    @Args('first', { type: () => Int, defaultValue: 10, description: `How many candidates, 1 to ${MAX_CANDIDATES}` }) first: number,
  ) {
    return this.replacements.candidates(actor, shiftId, first);
  }
}
