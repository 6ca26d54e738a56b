import { Logger } from '@nestjs/common';
import { BatonError, FieldProblem } from '@baton/core';
import { mapDatabaseError } from '@baton/database';
import { ValidationError } from 'class-validator';
import { ASTNode, GraphQLError, GraphQLFormattedError } from 'graphql';
import { inputPathOf } from './input/input-values.rule';

const logger = new Logger('GraphQL');

/** class-validator's nested tree, flattened to `field.path: message` entries. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ field, message, constraint }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Where in the operation a resolver's error arose: with it, graphql-js keeps the error as it is. */
export interface ErrorLocation {
  nodes: ReadonlyArray<ASTNode>;
  path: ReadonlyArray<string | number>;
}

/** One mapping from anything a resolver throws to a GraphQL error a client can act on. */
export function toGraphQLError(error: unknown, at?: ErrorLocation): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const domain = error instanceof BatonError ? error : mapDatabaseError(error);
  if (domain) {
    // An expected outcome (a refused assign, most of that mutation's answers) is not a fault: no
    // stack is captured for it (the domain error's own text is kept as the stack), and given its
    // location it is already located, so graphql-js's locatedError does not build a second error
    // with a second captured stack. Both were a fifth of the API's JavaScript per refusal.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return new GraphQLError(domain.message, {
        extensions: { code: domain.code, ...domain.details },
        originalError: domain,
        ...(at ? { nodes: at.nodes, path: at.path } : {}),
      });
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
  const httpStatus = (error as { getStatus?: () => number })?.getStatus?.();
  if (httpStatus === 400) {
    const response = (error as { getResponse?: () => unknown }).getResponse?.() as { message?: unknown } | undefined;
    const message = Array.isArray(response?.message) ? response.message.join('; ') : String(response?.message ?? 'Bad input');
    return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (httpStatus === 401) return new GraphQLError('Authentication required', { extensions: { code: 'UNAUTHENTICATED' } });
  if (httpStatus === 403) return new GraphQLError('You are not allowed to do this', { extensions: { code: 'FORBIDDEN' } });
  if (httpStatus === 404) return new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } });
  logger.error({ err: error }, 'Unexpected error in a resolver');
  return new GraphQLError('Internal server error', {
    extensions: { code: 'INTERNAL' },
    originalError: error instanceof Error ? error : undefined,
  });
}

/**
 * Last stop before the wire: unexpected errors lose their message and every stack trace goes,
 * unless in development. GraphQL's own errors (syntax, validation) keep their code.
 */
export function formatError(isDevelopment: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const extensions = { ...formatted.extensions };
    let message = formatted.message;
    // A value written inline that graphql-js's validation refused (a scalar's refusal, a wrong
    // type, an unknown or missing input field): bad input like any other, with its field named.
    const inlinePath = error instanceof GraphQLError && extensions.code === 'GRAPHQL_VALIDATION_FAILED' ? inputPathOf(error.nodes?.[0]) : undefined;
    if (inlinePath !== undefined) {
      const constraint = typeof extensions.constraint === 'string' ? extensions.constraint : 'type';
      delete extensions.constraint;
      Object.assign(extensions, { code: 'BAD_USER_INPUT', fields: [{ field: inlinePath, message, constraint }] });
    }
    if (original && !(original instanceof BatonError) && !(original instanceof GraphQLError) && extensions.code !== 'INTERNAL') {
      const mapped = toGraphQLError(original);
      message = mapped.message;
      Object.assign(extensions, mapped.extensions);
    }
    if (extensions.code === 'INTERNAL_SERVER_ERROR' || extensions.code === 'INTERNAL') {
      extensions.code = 'INTERNAL';
      if (!isDevelopment) message = 'Internal server error';
    }
    // Expected outcomes (rules, bad input, access) are not bugs: a stack only helps for INTERNAL.
    if (!isDevelopment || extensions.code !== 'INTERNAL') delete extensions.stacktrace;
    return { ...formatted, message, extensions };
  };
}
