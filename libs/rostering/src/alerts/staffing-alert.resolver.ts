import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { STAFFING_ALERT, StaffingAlert } from './staffing-alert';
import { StaffingAlertObject } from './staffing-alert.object';
import { RosteringPermission } from '../rostering.permissions';
import { coversPlacement } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';
import { ParseIdPipe } from '@baton/graphql';

/** An alert reaches a subscriber of its event whose venue and team scope covers it. */
export function alertVisibleTo(alert: StaffingAlert, eventId: string, actor: Actor | undefined): boolean {
  if (!actor || alert.eventId !== eventId) return false;
  return coversPlacement(rosterViewer(actor), alert);
}

@Resolver()
export class StaffingAlertResolver {
  constructor(
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Subscription(() => StaffingAlertObject, {
    description: 'No-shows, gaps and rule overrides in one event, within your venue and team scope',
    filter: (payload: { staffingAlert: StaffingAlert }, variables: { eventId: string }, context: { req?: { user?: Actor } }) =>
      alertVisibleTo(payload.staffingAlert, variables.eventId, context?.req?.user),
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  staffingAlert(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string) {
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    return this.pubSub.asyncIterableIterator(STAFFING_ALERT);
  }
}
