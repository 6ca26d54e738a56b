import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { DataSource } from 'typeorm';
import { CreateEventInput, EventObject, UpdateEventInput } from '../dto/event.dto';
import { TimeZoneChecker } from '../time-zone/time-zone.checker';
import { EventEntity } from './event.entity';
import { EventPhaseHooks } from './event-phase-hooks';
import { EventsPermission } from '../events.permissions';

export const EVENT_CHANGED = 'eventChanged';

export function toEventObject(e: EventEntity): EventObject {
  return { id: e.id, code: e.code, name: e.name, timeZone: e.timeZone, startsOn: e.startsOn, endsOn: e.endsOn, phase: e.phase, updatedAt: e.updatedAt };
}

@Injectable()
export class EventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly zones: TimeZoneChecker,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    private readonly phaseHooks: EventPhaseHooks,
  ) {}

  /** The events this person may read: all for admins, their granted events otherwise. */
  async list(actor: Actor): Promise<EventObject[]> {
    const scope = this.access.eventScope(actor, EventsPermission.EVENTS_READ);
    const query = this.dataSource.getRepository(EventEntity).createQueryBuilder('e').orderBy('e.startsOn', 'DESC');
    if (scope !== 'ALL') {
      if (!scope.size) return [];
      query.where('e.id IN (:...ids)', { ids: [...scope] });
    }
    return (await query.getMany()).map(toEventObject);
  }

  async get(actor: Actor, id: string): Promise<EventObject> {
    const event = await this.dataSource.getRepository(EventEntity).findOneBy({ id });
    // Out of scope reads as not found: the id of an event one may not see is not confirmed.
    if (!event || !this.access.inScope(this.access.eventScope(actor, EventsPermission.EVENTS_READ), id)) throw new NotFoundError('Event', id);
    return toEventObject(event);
  }

  async create(actor: Actor, given: CreateEventInput): Promise<EventObject> {
    assertDateOrder(given.startsOn, given.endsOn);
    const input = { ...given, timeZone: await this.zones.canonical(given.timeZone) };
    return this.transactions.run(async ({ manager }) => {
      const event = await manager.getRepository(EventEntity).save(manager.getRepository(EventEntity).create(input));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'event.created',
        entityType: 'event',
        entityId: event.id,
        eventId: event.id,
        after: { ...input },
      });
      return toEventObject(event);
    });
  }

  async update(actor: Actor, id: string, input: UpdateEventInput): Promise<EventObject> {
    const changes = updateChanges(input); // an event has every field: null is refused
    if (changes.timeZone !== undefined) changes.timeZone = await this.zones.canonical(changes.timeZone);
    const result = await this.transactions.run(async ({ manager, afterCommit }) => {
      const event = await manager.getRepository(EventEntity).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
      if (!event) throw new NotFoundError('Event', id);
      const before = toEventObject(event);
      Object.assign(event, changes);
      assertDateOrder(event.startsOn, event.endsOn);
      const saved = toEventObject(await manager.getRepository(EventEntity).save(event));
      if (before.phase !== saved.phase) {
        await this.phaseHooks.run(manager, {
          eventId: id,
          eventCode: saved.code,
          eventName: saved.name,
          from: before.phase,
          to: saved.phase,
          actorUserId: actor.userId,
        });
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'event.updated',
        entityType: 'event',
        entityId: id,
        eventId: id,
        before: { ...before },
        after: { ...saved },
      });
      afterCommit(() => this.pubSub.publish(EVENT_CHANGED, { [EVENT_CHANGED]: saved }));
      return saved;
    });
    return result;
  }
}

function assertDateOrder(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw BadInputError.field('endsOn', 'The event cannot end before it starts', 'dateOrder');
}
