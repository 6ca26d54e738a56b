import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor, Permission } from '@baton/auth';
import { NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource } from 'typeorm';
import { CreateTeamInput, CreateVenueInput, TeamObject, VenueObject } from '../dto/venue-team.dto';
import { EventEntity } from '../event/event.entity';
import { TeamEntity } from '../team/team.entity';
import { VenueEntity } from './venue.entity';

export const toVenueObject = (v: VenueEntity): VenueObject => ({ id: v.id, eventId: v.eventId, code: v.code, name: v.name, city: v.city, kind: v.kind, timeZone: v.timeZone, zones: v.zones });
export const toTeamObject = (t: TeamEntity): TeamObject => ({ id: t.id, eventId: t.eventId, code: t.code, name: t.name });

/** Venues and teams: the reference data of one event. */
@Injectable()
export class VenueTeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async venues(actor: Actor, eventId: string): Promise<VenueObject[]> {
    this.access.assertEvent(actor, Permission.EVENTS_READ, eventId);
    return (await this.dataSource.getRepository(VenueEntity).find({ where: { eventId }, order: { code: 'ASC' } })).map(toVenueObject);
  }

  async teams(actor: Actor, eventId: string): Promise<TeamObject[]> {
    this.access.assertEvent(actor, Permission.EVENTS_READ, eventId);
    return (await this.dataSource.getRepository(TeamEntity).find({ where: { eventId }, order: { code: 'ASC' } })).map(toTeamObject);
  }

  async createVenue(actor: Actor, input: CreateVenueInput): Promise<VenueObject> {
    return this.transactions.run(async ({ manager }) => {
      await this.assertEventExists(manager.getRepository(EventEntity), input.eventId);
      const venue = await manager.getRepository(VenueEntity).save(manager.getRepository(VenueEntity).create({ ...input, zones: [...new Set(input.zones)] }));
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'venue.created', entityType: 'venue', entityId: venue.id, eventId: venue.eventId, after: { ...input } });
      return toVenueObject(venue);
    });
  }

  async createTeam(actor: Actor, input: CreateTeamInput): Promise<TeamObject> {
    return this.transactions.run(async ({ manager }) => {
      await this.assertEventExists(manager.getRepository(EventEntity), input.eventId);
      const team = await manager.getRepository(TeamEntity).save(manager.getRepository(TeamEntity).create(input));
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'team.created', entityType: 'team', entityId: team.id, eventId: team.eventId, after: { ...input } });
      return toTeamObject(team);
    });
  }

  private async assertEventExists(events: { existsBy(where: { id: string }): Promise<boolean> }, id: string): Promise<void> {
    if (!(await events.existsBy({ id }))) throw new NotFoundError('Event', id);
  }
}
