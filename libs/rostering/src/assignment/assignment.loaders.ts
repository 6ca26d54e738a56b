import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { groupInto, LoaderFactory, pickInto } from '@baton/graphql';
import { ShiftEntity, ShiftObject, toShiftObject } from '@baton/scheduling';
import { canSeeContact, StaffMemberEntity, StaffMemberObject, toStaffMemberObject } from '@baton/staff';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AssignmentObject } from './dto/assignment.dto';
import { toAssignmentObject } from './assignment.mapper';
import { ACTIVE_STATUSES, AssignmentEntity } from './assignment.entity';

/** Active assignments of many shifts in one statement. */
@Injectable()
export class ShiftAssignmentsLoader implements LoaderFactory<string, AssignmentObject[]> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, AssignmentObject[]> {
    return new DataLoader(async (shiftIds: readonly string[]) => {
      const rows = await this.dataSource.getRepository(AssignmentEntity).find({
        where: { shiftId: In([...shiftIds]), status: In([...ACTIVE_STATUSES]) },
        // The id breaks ties (a bulk insert shares one created_at), as in the SQL-shaped roster.
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupInto(shiftIds, rows, (r) => r.shiftId).map((list) => list.map(toAssignmentObject));
    });
  }
}

/** Shifts by id, for assignment lists (my shifts, history). */
@Injectable()
export class ShiftByIdLoader implements LoaderFactory<string, ShiftObject | null> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, ShiftObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(ShiftEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows, (r) => r.id).map((r) => (r ? toShiftObject(r) : null));
    });
  }
}

/** Staff members by id, with contact details only where this viewer may see them. */
@Injectable()
export class StaffByIdLoader implements LoaderFactory<string, StaffMemberObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}
  create(actor: Actor | undefined): DataLoader<string, StaffMemberObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(StaffMemberEntity).findBy({ id: In([...ids]) });
      const scopes = new Map<string, ReturnType<AccessService['grantScopes']>>();
      return pickInto(ids, rows, (r) => r.id).map((member) => {
        if (!member) return null;
        if (!actor) return toStaffMemberObject(member, false);
        if (!scopes.has(member.eventId)) scopes.set(member.eventId, this.access.grantScopes(actor, member.eventId));
        return toStaffMemberObject(member, canSeeContact(actor, member, scopes.get(member.eventId)!));
      });
    });
  }
}
