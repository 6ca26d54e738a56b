import { BadInputError, BatonError, ConflictError } from '@baton/core';
import { QueryFailedError } from 'typeorm';

interface ConstraintMeaning {
  field?: string;
  message: string;
}

const meanings = new Map<string, ConstraintMeaning>();

/** Each lib names what its constraints mean, so a violation reads as a sentence, not as SQL. */
export function describeConstraint(constraint: string, meaning: ConstraintMeaning): void {
  meanings.set(constraint, meaning);
}

/**
 * The database is the last line of defence for invariants. When it refuses a write that the
 * service did not catch first (a race), the client still gets a typed error.
 */
export function mapDatabaseError(error: unknown): BatonError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string; column?: string } }).driverError;
  const code = driver?.code;
  const constraint = driver?.constraint;
  const meaning = constraint ? meanings.get(constraint) : undefined;
  switch (code) {
    case '23505':
    case '23P01':
      return new ConflictError(meaning?.message ?? 'This conflicts with existing data', {
        constraint,
        ...(meaning?.field ? { field: meaning.field } : {}),
      });
    case '23503':
      return BadInputError.field(meaning?.field ?? constraint ?? 'reference', meaning?.message ?? 'Refers to something that does not exist', 'foreignKey');
    case '23514':
    case '23502':
      return BadInputError.field(meaning?.field ?? driver?.column ?? constraint ?? 'input', meaning?.message ?? 'Breaks a data rule', constraint ?? 'check');
    case '22P02':
    case '22007':
    case '22008':
      return new BadInputError('A value has the wrong format');
    default:
      return undefined;
  }
}
