import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { CoverageArgs, CoverageObject } from './coverage.dto';
import { CoverageService } from './coverage.service';
import { RosteringPermission } from '../rostering.permissions';

@Resolver(() => CoverageObject)
export class CoverageResolver {
  constructor(private readonly coverageService: CoverageService) {}

  @Query(() => CoverageObject, {
    description:
      'Required, assigned and checked-in places of published shifts per venue, team and time bucket, with the shifts that still have open places. ' +
      'Coordinators get only the venues and teams of their grant; asking only for others is FORBIDDEN. One SQL statement whatever the size.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  coverage(@CurrentActor() actor: Actor, @Args() args: CoverageArgs) {
    return this.coverageService.coverage(actor, args);
  }
}
