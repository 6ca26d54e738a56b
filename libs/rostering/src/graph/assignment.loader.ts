import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { toAssignmentObject } from '../assignment/assignment.mapper';
import { AssignmentEntity } from '../assignment/assignment.entity';
import { AssignmentObject } from '../assignment/dto/assignment.dto';
import { visibleAssignments } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

/**
 * Assignments by id for graph edges (a staffing alert's assignment). Seen, as on a shift's
 * roster, by coordinators whose grant covers the shift's venue and team, and by the assigned
 * person; null for everyone else.
 */
type PlacementRaw = { venue_id: string; team_id: string; user_id: string | null };

@Injectable()
export class AssignmentLoader implements LoaderFactory<string, AssignmentObject | null> {
  constructor(private readonly dataSource: DataSource) {}

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
      const visibleIds = visibleAssignments(
        rosterViewer(actor),
        rows.entities.map((assignment, i) => {
          const raw = rows.raw[i] as PlacementRaw;
          return { id: assignment.id, eventId: assignment.eventId, venueId: raw.venue_id, teamId: raw.team_id, holderUserId: raw.user_id };
        }),
      );
      const visible = rows.entities.filter((assignment) => visibleIds.has(assignment.id));
      return pickInto(ids, visible.map(toAssignmentObject), (a) => a.id);
    });
  }
}
