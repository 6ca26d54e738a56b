import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { DataSource } from 'typeorm';

export type ShiftFixture = Omit<Partial<ShiftEntity>, 'startsAt' | 'endsAt'> & { startsAt?: string | Date; endsAt?: string | Date };

/** A published shift straight into the database (default: 27 July 2024, 06:00–14:00 UTC, 4 places). */
export async function createShift(
  dataSource: DataSource,
  place: { eventId: string; venueId: string; teamId: string },
  overrides: ShiftFixture = {},
): Promise<ShiftEntity> {
  const { startsAt = '2024-07-27T06:00:00Z', endsAt = '2024-07-27T14:00:00Z', ...fields } = overrides;
  return dataSource.getRepository(ShiftEntity).save({
    ...place,
    roleTitle: 'Network technician',
    headcount: 4,
    status: ShiftStatus.PUBLISHED,
    notes: null,
    createdById: null,
    ...fields,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
  });
}
