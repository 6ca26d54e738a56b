import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, NotFoundError } from '@baton/core';
import { TeamEntity, VenueEntity } from '@baton/events';
import { SkillEntity } from '@baton/skills';
import { EntityManager, In } from 'typeorm';
import { RequiredSkillInput } from './dto/shift.dto';
import { ShiftEntity, ShiftStatus } from './shift.entity';
import { SchedulingPermission } from '../scheduling.permissions';

/** The database's `shifts_order_check`, checked first for a friendly error. */
export const MAX_SHIFT_HOURS = 72;

/** Checks shared by the shift use cases: scope, the venue and team of the event, skills, times. */
@Injectable()
export class ShiftChecks {
  constructor(private readonly access: AccessService) {}

  /** Coordinators act only on the venues and teams of their grant; admins everywhere. */
  assertCanManage(actor: Actor, eventId: string, venueId: string, teamId: string): void {
    this.access.assertEvent(actor, SchedulingPermission.SHIFTS_MANAGE, eventId);
    this.access.assertVenueTeam(actor, { eventId, venueId, teamId });
  }

  /** Whether this person sees the drafts and cancelled shifts of the event (coordinators, admins). */
  seesAllShifts(actor: Actor, eventId: string): boolean {
    return this.access.venueTeamScope(actor, eventId) !== undefined;
  }

  /** A shift one may not read reads as not found: its id is not confirmed to outsiders. */
  assertReadable(actor: Actor, shift: ShiftEntity | null, id: string): asserts shift is ShiftEntity {
    const readable =
      !!shift &&
      this.access.inScope(this.access.eventScope(actor, SchedulingPermission.SHIFTS_READ), shift.eventId) &&
      (shift.status === ShiftStatus.PUBLISHED || this.seesAllShifts(actor, shift.eventId));
    if (!readable) throw new NotFoundError('Shift', id);
  }

  async venueOf(manager: EntityManager, eventId: string, venueId: string): Promise<VenueEntity> {
    const venue = await manager.getRepository(VenueEntity).findOneBy({ id: venueId });
    if (!venue || venue.eventId !== eventId) throw BadInputError.field('venueId', 'No such venue in this event', 'eventVenue');
    return venue;
  }

  async assertTeam(manager: EntityManager, eventId: string, teamId: string): Promise<void> {
    const team = await manager.getRepository(TeamEntity).findOneBy({ id: teamId });
    if (!team || team.eventId !== eventId) throw BadInputError.field('teamId', 'No such team in this event', 'eventTeam');
  }

  async assertSkills(manager: EntityManager, skills: RequiredSkillInput[] | undefined): Promise<void> {
    if (!skills?.length) return;
    const ids = skills.map((s) => s.skillId);
    if (new Set(ids).size !== ids.length) throw BadInputError.field('requiredSkills', 'A skill is listed twice', 'duplicate');
    const found = await manager.getRepository(SkillEntity).countBy({ id: In(ids) });
    if (found !== ids.length) throw BadInputError.field('requiredSkills', 'A required skill does not exist', 'skillExists');
  }

  assertTimes(startsAt: Date, endsAt: Date): void {
    if (endsAt.getTime() <= startsAt.getTime()) throw BadInputError.field('endsAt', 'A shift must end after it starts', 'shifts_order_check');
    if (endsAt.getTime() - startsAt.getTime() > MAX_SHIFT_HOURS * 3_600_000) {
      throw BadInputError.field('endsAt', `A shift lasts at most ${MAX_SHIFT_HOURS} hours`, 'shifts_order_check');
    }
  }
}
