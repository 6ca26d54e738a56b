import { BadInputError } from '@baton/core';

export const MAX_AVAILABILITY_DAYS = 31;

/** A period runs forwards and lasts at most a month: longer absences are not "availability". */
export function assertAvailabilityPeriod(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) throw BadInputError.field('endsAt', 'endsAt must be after startsAt', 'order');
  if (endsAt.getTime() - startsAt.getTime() > MAX_AVAILABILITY_DAYS * 86_400_000) {
    throw BadInputError.field('endsAt', `A period lasts at most ${MAX_AVAILABILITY_DAYS} days`, 'maxDuration');
  }
}
