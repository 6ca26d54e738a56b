/**
 * Domain errors with a stable code. One formatter (libs/graphql) turns them into
 * `extensions.code`; services throw these and nothing else for expected outcomes.
 */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RULE_VIOLATION' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE';

export interface FieldProblem {
  field: string;
  message: string;
  constraint?: string;
}

export interface RuleProblem {
  rule: string;
  message: string;
  [detail: string]: unknown;
}

export abstract class BatonError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends BatonError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required', details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class ForbiddenError extends BatonError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this', details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class NotFoundError extends BatonError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id?: string) {
    super(id ? `${entity} ${id} not found` : `${entity} not found`, { entity, ...(id ? { id } : {}) });
  }
}

export class BadInputError extends BatonError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, fields: FieldProblem[] = []) {
    super(message, { fields });
  }
  static field(field: string, message: string, constraint?: string): BadInputError {
    return new BadInputError(message, [{ field, message, ...(constraint ? { constraint } : {}) }]);
  }
}

export class ConflictError extends BatonError {
  readonly code = 'CONFLICT';
}

export class RuleViolationError extends BatonError {
  readonly code = 'RULE_VIOLATION';
  constructor(message: string, rules: RuleProblem[]) {
    // A refusal by the rules is an answer, not a fault: where it was thrown tells nobody anything,
    // and capturing then formatting its stack (GraphQLError copies it) was a tenth of a refused
    // assign's CPU in the API. The rules and their details are the whole story.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message, { rules });
    Error.stackTraceLimit = limit;
  }
}

export class TooManyRequestsError extends BatonError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(retryAfterSeconds: number) {
    super('Too many attempts; try again later', { retryAfterSeconds });
  }
}

/** A dependency (the database) is unreachable for now; the client may retry. */
export class ServiceUnavailableError extends BatonError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The service is temporarily unavailable; try again shortly') {
    super(message, { retryable: true });
  }
}
