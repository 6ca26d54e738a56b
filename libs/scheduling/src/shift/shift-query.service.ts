import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { BadInputError, Clock } from '@baton/core';
import { ConnectionShape, PageArgs, paginate, SortKey } from '@baton/graphql';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ShiftFilterInput, ShiftObject } from './dto/shift.dto';
import { ShiftChecks } from './shift-checks';
import { ShiftEntity, ShiftStatus } from './shift.entity';
import { toShiftObject } from './shift.mapper';
import { SchedulingPermission } from '../scheduling.permissions';

/** Every shift list: soonest first, the id breaking ties (the keyset of the cursor). */
export const SHIFT_ORDER: SortKey<ShiftEntity>[] = [
  { column: 's.startsAt', value: (s) => s.startsAt.toISOString() },
  { column: 's.id', value: (s) => s.id },
];

/** Reading shifts: coordinators see every shift of their event, staff only the published ones. */
@Injectable()
export class ShiftQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly checks: ShiftChecks,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<ShiftObject> {
    const shift = await this.dataSource.getRepository(ShiftEntity).findOneBy({ id });
    this.checks.assertReadable(actor, shift, id);
    return toShiftObject(shift);
  }

  /** `startingAfter` (not a client filter): only shifts that have not started, for self sign-up. */
  async list(actor: Actor, eventId: string, filter: ShiftFilterInput = {}, page: PageArgs, startingAfter?: Date): Promise<ConnectionShape<ShiftObject>> {
    return paginate(this.filtered(actor, eventId, filter, startingAfter), page, SHIFT_ORDER, toShiftObject);
  }

  /**
   * The shifts of the event this actor may list under the filter, unsorted: the one place the
   * visibility rules of a shift list live (the DataLoader path and the SQL-shaped path share it).
   */
  filtered(actor: Actor, eventId: string, filter: ShiftFilterInput = {}, startingAfter?: Date): SelectQueryBuilder<ShiftEntity> {
    this.access.assertEvent(actor, SchedulingPermission.SHIFTS_READ, eventId);
    if (filter.from && filter.to && filter.to <= filter.from) throw BadInputError.field('filter.to', 'to must be after from', 'dateOrder');
    let statuses = filter.statuses?.length ? [...new Set(filter.statuses)] : undefined;
    if (!this.checks.seesAllShifts(actor, eventId)) statuses = (statuses ?? [ShiftStatus.PUBLISHED]).filter((s) => s === ShiftStatus.PUBLISHED);
    const query = this.dataSource.getRepository(ShiftEntity).createQueryBuilder('s').where('s.eventId = :eventId', { eventId });
    if (statuses) query.andWhere(statuses.length ? 's.status IN (:...statuses)' : 'FALSE', { statuses });
    if (filter.venueIds?.length) query.andWhere('s.venueId IN (:...venueIds)', { venueIds: filter.venueIds });
    if (filter.teamIds?.length) query.andWhere('s.teamId IN (:...teamIds)', { teamIds: filter.teamIds });
    // "Understaffed" is about what can still be filled: from now on unless the client says
    // otherwise, never a cancelled shift, soonest (most urgent) first like every list here.
    const from = filter.from ?? (filter.understaffedOnly ? this.clock.now() : undefined);
    // Overlapping the window: still running after `from`, started before `to`.
    if (from) query.andWhere('s.endsAt > :from', { from });
    if (filter.to) query.andWhere('s.startsAt < :to', { to: filter.to });
    if (filter.understaffedOnly) query.andWhere("s.activeCount < s.headcount AND s.status <> 'CANCELLED'");
    if (startingAfter) query.andWhere('s.startsAt > :startingAfter', { startingAfter });
    return query;
  }
}
