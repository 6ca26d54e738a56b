import type { PubSubEngine } from '@baton/pubsub';

/** PUB_SUB topic of the `staffingAlert` subscription. */
export const STAFFING_ALERT = 'staffingAlert';

export enum StaffingAlertKind {
  /** Not checked in after the grace period (the no-show sweep). */
  NO_SHOW = 'NO_SHOW',
  /** A place opened (declined, taken off) on a shift starting within 24 h. */
  GAP = 'GAP',
  /** An admin assigned despite a blocking configurable rule. */
  OVERRIDE = 'OVERRIDE',
}

export interface StaffingAlert {
  kind: StaffingAlertKind;
  eventId: string;
  shiftId: string;
  assignmentId: string | null;
  staffMemberId: string | null;
  venueId: string;
  teamId: string;
  at: Date;
  message: string;
}

export async function publishStaffingAlert(pubSub: PubSubEngine, alert: StaffingAlert): Promise<void> {
  await pubSub.publish(STAFFING_ALERT, { [STAFFING_ALERT]: alert });
}

type AlertedAssignment = { id: string; eventId: string; shiftId: string; staffMemberId: string };

function alertFor(
  kind: StaffingAlertKind,
  assignment: AlertedAssignment,
  shift: { venueId: string; teamId: string },
  at: Date,
  message: string,
): StaffingAlert {
  return {
    kind,
    eventId: assignment.eventId,
    shiftId: assignment.shiftId,
    assignmentId: assignment.id,
    staffMemberId: assignment.staffMemberId,
    venueId: shift.venueId,
    teamId: shift.teamId,
    at,
    message,
  };
}

/**
 * The OVERRIDE alert for AssignmentService.assign, published after commit when an admin
 * assigned over blocking rules.
 */
export function overrideAlert(
  assignment: AlertedAssignment,
  shift: { venueId: string; teamId: string },
  rules: Array<{ rule: string }>,
  reason: string,
  at: Date,
): StaffingAlert {
  return alertFor(StaffingAlertKind.OVERRIDE, assignment, shift, at, `Assigned over ${rules.map((r) => r.rule).join(', ')}: ${reason}`);
}

/** A place that opens less than this before the start of its shift raises a GAP alert. */
export const GAP_ALERT_HORIZON_MS = 24 * 60 * 60 * 1000;

/** The GAP alert: someone declined or was taken off a shift that starts soon. */
export function gapAlert(
  assignment: AlertedAssignment & { startsAt: Date },
  shift: { venueId: string; teamId: string },
  from: string,
  to: string,
  at: Date,
): StaffingAlert {
  const hours = Math.max(0, Math.round((assignment.startsAt.getTime() - at.getTime()) / 3_600_000));
  return alertFor(
    StaffingAlertKind.GAP,
    assignment,
    shift,
    at,
    `A place opened (${from.toLowerCase()} → ${to.toLowerCase()}) on a shift starting in ${hours} h`,
  );
}
