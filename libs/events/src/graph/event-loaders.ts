import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { EventObject } from '../dto/event.dto';
import { TeamObject, VenueObject } from '../dto/venue-team.dto';
import { EventEntity } from '../event/event.entity';
import { toEventObject } from '../event/event.service';
import { TeamEntity } from '../team/team.entity';
import { toTeamObject, toVenueObject } from '../venue/venue.service';
import { VenueEntity } from '../venue/venue.entity';
import { EventsPermission } from '../events.permissions';

/** Which of these event ids the viewer may read (EVENTS_READ), the rule of `event(id)` and `venues(eventId)`. */
function readableEvents(access: AccessService, actor: Actor | undefined) {
  const scope = actor ? access.eventScope(actor, EventsPermission.EVENTS_READ) : new Set<string>();
  return (eventId: string) => access.inScope(scope, eventId);
}

/** Events by id for graph edges: null where `event(id)` would answer NOT_FOUND. */
@Injectable()
export class EventLoader implements LoaderFactory<string, EventObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, EventObject | null> {
    const readable = readableEvents(this.access, actor);
    return new DataLoader(async (ids: readonly string[]) => {
      const visible = ids.filter(readable);
      const rows = visible.length ? await this.dataSource.getRepository(EventEntity).findBy({ id: In(visible) }) : [];
      return pickInto(ids, rows.map(toEventObject), (e) => e.id);
    });
  }
}

/** Venues by id: null unless the viewer may read the venue's event (as `venues(eventId)` requires). */
@Injectable()
export class VenueLoader implements LoaderFactory<string, VenueObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, VenueObject | null> {
    const readable = readableEvents(this.access, actor);
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(VenueEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows.filter((v) => readable(v.eventId)).map(toVenueObject), (v) => v.id);
    });
  }
}

/** Teams by id: null unless the viewer may read the team's event (as `teams(eventId)` requires). */
@Injectable()
export class TeamLoader implements LoaderFactory<string, TeamObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, TeamObject | null> {
    const readable = readableEvents(this.access, actor);
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(TeamEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows.filter((t) => readable(t.eventId)).map(toTeamObject), (t) => t.id);
    });
  }
}
