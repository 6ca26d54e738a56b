import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { ShiftCancellationObject } from './dto/shift-cancellation.dto';
import { ShiftCancellationService } from './shift-cancellation.service';
import { SchedulingPermission } from '@baton/scheduling';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => ShiftCancellationObject)
export class ShiftCancellationResolver {
  constructor(private readonly cancellations: ShiftCancellationService) {}

  @Mutation(() => ShiftCancellationObject, {
    description: 'Cancel a shift: its assignments are cancelled and each person with an email or an account is notified; the answer lists who could not be',
  })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  cancelShift(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseIdPipe) shiftId: string,
    @Args('reason', { description: 'Why, required, up to 500 characters: sent to every person on it' }) reason: string,
  ) {
    return this.cancellations.cancel(actor, shiftId, reason);
  }
}
