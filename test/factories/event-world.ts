import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import type { TestApp } from '../utils/test-app';
import { createEvent, createOrganisation, createTeam, createVenue } from './events';
import { createUser, signIn, UserFixture } from './users';

type Grants = Parameters<typeof createUser>[1];

/** The people every world has: an admin, a coordinator of the event, one limited to `otherVenue`, a staff member. */
export type WorldPerson = 'admin' | 'coordinator' | 'elsewhere' | 'staff';

export interface EventWorld<Extra extends string = never> {
  event: EventEntity;
  venue: VenueEntity;
  otherVenue: VenueEntity;
  team: TeamEntity;
  org: OrganisationEntity;
  /** Where a shift of this world goes unless a test says otherwise. */
  place: { eventId: string; venueId: string; teamId: string };
  users: Record<WorldPerson | Extra, UserFixture>;
  /** One sign-in each, reused by the whole file. */
  tokens: Record<WorldPerson | Extra, string>;
}

/**
 * The event most e2e files start from, built once per file in beforeAll: one event with two
 * venues, a team, an organisation and signed-in people. `people` adds more, given the world's ids.
 */
export async function createEventWorld<Extra extends string = never>(
  t: TestApp,
  options: {
    event?: Partial<EventEntity>;
    venue?: Partial<VenueEntity>;
    /** The second venue's fields when they differ from the first's (`venue`). */
    otherVenue?: Partial<VenueEntity>;
    people?: (ids: { eventId: string; venueId: string; otherVenueId: string }) => Record<Extra, Grants>;
  } = {},
): Promise<EventWorld<Extra>> {
  const event = await createEvent(t.dataSource, options.event);
  const venue = await createVenue(t.dataSource, event.id, options.venue);
  const otherVenue = await createVenue(t.dataSource, event.id, options.otherVenue ?? options.venue);
  const team = await createTeam(t.dataSource, event.id);
  const org = await createOrganisation(t.dataSource);
  const grants: Record<string, Grants> = {
    admin: [{ role: Role.ADMIN }],
    coordinator: [{ role: Role.COORDINATOR, eventId: event.id }],
    elsewhere: [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [otherVenue.id] }],
    staff: [{ role: Role.STAFF, eventId: event.id }],
    ...options.people?.({ eventId: event.id, venueId: venue.id, otherVenueId: otherVenue.id }),
  };
  const users: Record<string, UserFixture> = {};
  const tokens: Record<string, string> = {};
  for (const [name, granted] of Object.entries(grants)) {
    users[name] = await createUser(t.dataSource, granted);
    tokens[name] = await signIn(t, users[name]);
  }
  return {
    event,
    venue,
    otherVenue,
    team,
    org,
    place: { eventId: event.id, venueId: venue.id, teamId: team.id },
    users: users as EventWorld<Extra>['users'],
    tokens: tokens as EventWorld<Extra>['tokens'],
  };
}
