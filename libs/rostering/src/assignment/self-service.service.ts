import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, ForbiddenError, NotFoundError } from '@baton/core';
import { ConnectionShape, emptyConnection, PageArgs } from '@baton/graphql';
import { ShiftObject, ShiftQueryService } from '@baton/scheduling';
import { DataSource } from 'typeorm';
import { AssignmentObject } from './dto/assignment.dto';
import { AssignmentSource } from './assignment.entity';
import { AssignmentService } from './assignment.service';

interface MyRecord {
  id: string;
  team_id: string | null;
}

/**
 * Staff taking shifts themselves. They see the published, not yet started shifts of their own
 * team that still have places, and take one under exactly the rules a coordinator's
 * assignment obeys (the same service, source SELF).
 */
@Injectable()
export class SelfServiceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shifts: ShiftQueryService,
    private readonly assignments: AssignmentService,
    private readonly clock: Clock,
  ) {}

  async openShifts(actor: Actor, eventId: string, page: PageArgs, to?: Date): Promise<ConnectionShape<ShiftObject>> {
    const me = await this.myRecord(actor, eventId);
    if (!me.team_id) return emptyConnection();
    return this.shifts.list(actor, eventId, { teamIds: [me.team_id], to, understaffedOnly: true }, page, this.clock.now());
  }

  /**
   * The shift and the person's record are looked up only to know whom to lock; whether the shift
   * is open to them is decided on the rows read under the locks (AssignmentService.assign).
   */
  async signUp(actor: Actor, shiftId: string): Promise<AssignmentObject> {
    const [shift] = await this.dataSource.query<Array<{ event_id: string; status: string }>>(`SELECT event_id, status FROM shifts WHERE id = $1`, [shiftId]);
    if (!shift || shift.status !== 'PUBLISHED') throw new NotFoundError('Open shift', shiftId);
    const me = await this.myRecord(actor, shift.event_id);
    const precheck = (locked: { status: string; teamId: string; startsAt: Date }) => {
      if (locked.status !== 'PUBLISHED') throw new NotFoundError('Open shift', shiftId);
      if (me.team_id !== locked.teamId) throw new ForbiddenError('You may sign up only for shifts of your own team', { shiftId });
      if (locked.startsAt <= this.clock.now()) throw BadInputError.field('shiftId', 'This shift has already started; ask your coordinator', 'started');
    };
    return this.assignments.assign(actor, shiftId, me.id, { source: AssignmentSource.SELF, precheck });
  }

  private async myRecord(actor: Actor, eventId: string): Promise<MyRecord> {
    const [record] = await this.dataSource.query<MyRecord[]>(`SELECT id, team_id FROM staff_members WHERE event_id = $1 AND user_id = $2`, [
      eventId,
      actor.userId,
    ]);
    if (!record) throw new ForbiddenError('You have no staff record in this event', { eventId });
    return record;
  }
}
