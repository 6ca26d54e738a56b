import { BadInputError, BatonError, ConflictError, ServiceUnavailableError } from '@baton/core';
import { QueryFailedError } from 'typeorm';
import { busyConflict, retryableCode } from './transaction';
import { constraintRegistry } from './constraints/constraint-registry';

/** The error a use case registered for the constraint this database error names, if any; else the error itself. */
export function translateForUseCase(useCase: string, error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  const translate = driver?.constraint ? constraintRegistry.translationFor(useCase, driver.constraint) : undefined;
  return translate ? translate({ constraint: driver!.constraint!, code: driver!.code ?? '' }) : error;
}

/**
 * The database is the last line of defence for invariants. When it refuses a write that the
 * service did not catch first (a race), the client still gets a typed error.
 */
export function mapDatabaseError(error: unknown): BatonError | undefined {
  if (isConnectionLoss(error)) return new ServiceUnavailableError();
  // Outside TransactionRunner (which retries these itself), still a retryable conflict, not INTERNAL.
  const retryable = retryableCode(error);
  if (retryable) return busyConflict(retryable);
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string; column?: string } }).driverError;
  const code = driver?.code;
  const constraint = driver?.constraint;
  const meaning = constraint ? constraintRegistry.meaningOf(constraint) : undefined;
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
    case '22021':
    case '22001':
      return new BadInputError(code === '22021' ? 'A text contains a character that is not allowed (NUL)' : 'A value has the wrong format or is too long');
    default:
      return undefined;
  }
}

const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|ECONNREFUSED|ECONNRESET|terminating connection|Client has encountered a connection error|the database system is (starting up|shutting down)|does not allow connections|not currently accepting connections|timeout exceeded when trying to connect/i;

/**
 * The database went away (restart, failover, a killed backend). Such requests fail with a
 * retryable code instead of INTERNAL; the pool replaces the dead connections by itself.
 */
function isConnectionLoss(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown })?.driverError];
  return candidates.some((e) => {
    if (!e || typeof e !== 'object') return false;
    const code = (e as { code?: string }).code ?? '';
    const message = (e as { message?: string }).message ?? '';
    return (
      code.startsWith('08') ||
      code.startsWith('57P') ||
      code === '3D000' ||
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      CONNECTION_MESSAGES.test(message)
    );
  });
}
