import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ShiftObject } from '../shift/dto/shift.dto';
import { ShiftChecks } from '../shift/shift-checks';
import { ShiftEntity, ShiftStatus } from '../shift/shift.entity';
import { toShiftObject } from '../shift/shift.mapper';
import { SchedulingPermission } from '../scheduling.permissions';

/**
 * Shifts by id for graph edges (a gap, an alert, a rule's other shift), under the rule of
 * `shift(id)`: the event's shifts for SHIFTS_READ, drafts and cancelled ones only for those who
 * see all shifts of the event. Null otherwise.
 */
@Injectable()
export class ShiftLoader implements LoaderFactory<string, ShiftObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly checks: ShiftChecks,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, ShiftObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      if (!actor) return ids.map(() => null);
      const scope = this.access.eventScope(actor, SchedulingPermission.SHIFTS_READ);
      const rows = await this.dataSource.getRepository(ShiftEntity).findBy({ id: In([...ids]) });
      const readable = rows.filter(
        (s) => this.access.inScope(scope, s.eventId) && (s.status === ShiftStatus.PUBLISHED || this.checks.seesAllShifts(actor, s.eventId)),
      );
      return pickInto(ids, readable.map(toShiftObject), (s) => s.id);
    });
  }
}
