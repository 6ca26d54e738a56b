import { EventEntity, EventPhase, TeamEntity, VenueEntity, VenueKind } from '@baton/events';
import { OrganisationEntity, OrganisationKind } from '@baton/organisations';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const code = (prefix: string) => `${prefix}${randomBytes(3).toString('hex').toUpperCase()}`;

export async function createEvent(dataSource: DataSource, overrides: Partial<EventEntity> = {}): Promise<EventEntity> {
  return dataSource.getRepository(EventEntity).save({
    code: code('EV'),
    name: 'Test Games',
    timeZone: 'Europe/Paris',
    startsOn: '2024-07-05',
    endsOn: '2024-08-11',
    phase: EventPhase.GAMES,
    ...overrides,
  });
}

export async function createVenue(dataSource: DataSource, eventId: string, overrides: Partial<VenueEntity> = {}): Promise<VenueEntity> {
  return dataSource.getRepository(VenueEntity).save({
    eventId,
    code: code('V'),
    name: 'Test Arena',
    city: 'Paris',
    kind: VenueKind.COMPETITION,
    timeZone: 'Europe/Paris',
    zones: ['FOP', 'TECH'],
    ...overrides,
  });
}

export async function createTeam(dataSource: DataSource, eventId: string, overrides: Partial<TeamEntity> = {}): Promise<TeamEntity> {
  return dataSource.getRepository(TeamEntity).save({ eventId, code: code('T'), name: 'Test team', ...overrides });
}

export async function createOrganisation(dataSource: DataSource, overrides: Partial<OrganisationEntity> = {}): Promise<OrganisationEntity> {
  return dataSource
    .getRepository(OrganisationEntity)
    .save({ code: code('ORG'), name: 'Test Partner', kind: OrganisationKind.PARTNER, website: null, ...overrides });
}
