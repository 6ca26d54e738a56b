import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { ConflictError, NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource } from 'typeorm';
import { CreateTeamInput, CreateVenueInput, TeamObject, UpdateTeamInput, UpdateVenueInput, VenueObject } from '../dto/venue-team.dto';
import { EventEntity } from '../event/event.entity';
import { TeamEntity } from '../team/team.entity';
import { TimeZoneChecker } from '../time-zone/time-zone.checker';
import { VenueTeamUsages } from './venue-team-usages';
import { VenueEntity } from './venue.entity';
import { EventsPermission } from '../events.permissions';

export const toVenueObject = (v: VenueEntity): VenueObject => ({
  id: v.id,
  eventId: v.eventId,
  code: v.code,
  name: v.name,
  city: v.city,
  kind: v.kind,
  timeZone: v.timeZone,
  zones: v.zones,
});
export const toTeamObject = (t: TeamEntity): TeamObject => ({ id: t.id, eventId: t.eventId, code: t.code, name: t.name });

/** Venues and teams: the reference data of one event. */
@Injectable()
export class VenueTeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly zones: TimeZoneChecker,
    private readonly usages: VenueTeamUsages,
  ) {}

  async venues(actor: Actor, eventId: string): Promise<VenueObject[]> {
    this.access.assertEvent(actor, EventsPermission.EVENTS_READ, eventId);
    return (await this.dataSource.getRepository(VenueEntity).find({ where: { eventId }, order: { code: 'ASC' } })).map(toVenueObject);
  }

  async teams(actor: Actor, eventId: string): Promise<TeamObject[]> {
    this.access.assertEvent(actor, EventsPermission.EVENTS_READ, eventId);
    return (await this.dataSource.getRepository(TeamEntity).find({ where: { eventId }, order: { code: 'ASC' } })).map(toTeamObject);
  }

  async createVenue(actor: Actor, given: CreateVenueInput): Promise<VenueObject> {
    const input = { ...given, timeZone: await this.zones.canonical(given.timeZone) };
    return this.transactions.run(async ({ manager }) => {
      await this.assertEventExists(manager.getRepository(EventEntity), input.eventId);
      const venue = await manager.getRepository(VenueEntity).save(manager.getRepository(VenueEntity).create({ ...input, zones: [...new Set(input.zones)] }));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'venue.created',
        entityType: 'venue',
        entityId: venue.id,
        eventId: venue.eventId,
        after: { ...input },
      });
      return toVenueObject(venue);
    });
  }

  async createTeam(actor: Actor, input: CreateTeamInput): Promise<TeamObject> {
    return this.transactions.run(async ({ manager }) => {
      await this.assertEventExists(manager.getRepository(EventEntity), input.eventId);
      const team = await manager.getRepository(TeamEntity).save(manager.getRepository(TeamEntity).create(input));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'team.created',
        entityType: 'team',
        entityId: team.id,
        eventId: team.eventId,
        after: { ...input },
      });
      return toTeamObject(team);
    });
  }

  async updateVenue(actor: Actor, id: string, input: UpdateVenueInput): Promise<VenueObject> {
    const changes = updateChanges(input); // a venue has every field (no zones is []): null is refused
    if (changes.timeZone !== undefined) changes.timeZone = await this.zones.canonical(changes.timeZone);
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(VenueEntity);
      const venue = await repository.findOneBy({ id });
      if (!venue) throw new NotFoundError('Venue', id);
      const before = toVenueObject(venue);
      if (changes.zones) changes.zones = [...new Set(changes.zones)];
      const after = toVenueObject(await repository.save(Object.assign(venue, changes)));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'venue.updated',
        entityType: 'venue',
        entityId: id,
        eventId: venue.eventId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async updateTeam(actor: Actor, id: string, input: UpdateTeamInput): Promise<TeamObject> {
    const changes = updateChanges(input);
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(TeamEntity);
      const team = await repository.findOneBy({ id });
      if (!team) throw new NotFoundError('Team', id);
      const before = toTeamObject(team);
      const after = toTeamObject(await repository.save(Object.assign(team, changes)));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'team.updated',
        entityType: 'team',
        entityId: id,
        eventId: team.eventId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * Only a venue or team nobody is scheduled at can go: shifts keep their venue and team (the
   * database refuses otherwise), so cancel or move them first.
   */
  async remove(actor: Actor, kind: 'venue' | 'team', id: string): Promise<boolean> {
    return this.transactions.run(async ({ manager }) => {
      const entity = kind === 'venue' ? VenueEntity : TeamEntity;
      // Locked first: a grant being written at the same time waits (its trigger takes KEY SHARE), then sees the outcome.
      const row = await manager.getRepository(entity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
      if (!row) throw new NotFoundError(kind === 'venue' ? 'Venue' : 'Team', id);
      const used = await this.usages.inUse(manager, kind, id);
      if (used)
        throw new ConflictError(`This ${kind} still has ${used.count} ${used.usage.noun}; cancel or move them first`, {
          [`${kind}Id`]: id,
          [used.usage.key]: used.count,
        });
      // A grant limited to this venue or team would be left naming nothing; narrowing it silently could widen it to "all".
      // count(*) is a bigint: pg hands it over as a string.
      const [{ grants }] = await manager.query<Array<{ grants: string }>>(
        `SELECT (SELECT count(*) FROM role_grants WHERE $1 = ANY (${kind}_ids)) + (SELECT count(*) FROM invitations WHERE $1 = ANY (${kind}_ids) AND accepted_at IS NULL AND revoked_at IS NULL) AS grants`,
        [id],
      );
      if (Number(grants) > 0)
        throw new ConflictError(`This ${kind} is named by ${grants} coordinator grant(s) or pending invitation(s); revoke them first`, {
          [`${kind}Id`]: id,
          grants: Number(grants),
        });
      await manager.getRepository(entity).delete({ id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: `${kind}.deleted`,
        entityType: kind,
        entityId: id,
        eventId: row.eventId,
        before: { ...row },
      });
      return true;
    });
  }

  private async assertEventExists(events: { existsBy(where: { id: string }): Promise<boolean> }, id: string): Promise<void> {
    if (!(await events.existsBy({ id }))) throw new NotFoundError('Event', id);
  }
}
