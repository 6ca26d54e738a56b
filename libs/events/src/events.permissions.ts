import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the events lib guards. */
export const EventsPermission = definePermissions({
  EVENTS_READ: 'Events, their venues and teams.',
  EVENTS_MANAGE: 'Create and update events.',
  REFERENCE_MANAGE: 'Reference data of an event: venues and teams.',
});
export type EventsPermission = (typeof EventsPermission)[keyof typeof EventsPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const eventsPermissions = permissionSet('events', EventsPermission, {
  [Role.ADMIN]: [EventsPermission.EVENTS_READ, EventsPermission.EVENTS_MANAGE, EventsPermission.REFERENCE_MANAGE],
  [Role.COORDINATOR]: [EventsPermission.EVENTS_READ],
  [Role.STAFF]: [EventsPermission.EVENTS_READ],
});
