import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { toAssignmentObject } from '../assignment/assignment.mapper';
import { AssignmentEntity } from '../assignment/assignment.entity';
import { AssignmentObject } from '../dto/assignment.dto';
import { RosteringPermission } from '../rostering.permissions';
import { StaffPermission } from '@baton/staff';

/**
 * Assignments by id for graph edges (a staffing alert's assignment). Seen, as on a shift's
 * roster, by coordinators whose grant covers the shift's venue and team, and by the assigned
 * person; null for everyone else.
 */
@Injectable()
export class AssignmentLoader implements LoaderFactory<string, AssignmentObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, AssignmentObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      if (!actor) return ids.map(() => null);
      const rows = await this.dataSource
        .getRepository(AssignmentEntity)
        .createQueryBuilder('a')
        .innerJoin('shifts', 's', 's.id = a.shift_id')
        .innerJoin('staff_members', 'm', 'm.id = a.staff_member_id')
        .addSelect(['s.venue_id AS venue_id', 's.team_id AS team_id', 'm.user_id AS user_id'])
        .where('a.id IN (:...ids)', { ids: [...ids] })
        .getRawAndEntities();
      const selfScope = this.access.eventScope(actor, StaffPermission.SELF_SERVICE);
      const visible = rows.entities.filter((assignment, i) => {
        const raw = rows.raw[i] as { venue_id: string; team_id: string; user_id: string | null };
        const coordinates =
          actor.can(RosteringPermission.ROSTER_MANAGE) &&
          this.access.coversVenueTeam(actor, { eventId: assignment.eventId, venueId: raw.venue_id, teamId: raw.team_id });
        const own = raw.user_id === actor.userId && this.access.inScope(selfScope, assignment.eventId);
        return coordinates || own;
      });
      return pickInto(ids, visible.map(toAssignmentObject), (a) => a.id);
    });
  }
}
