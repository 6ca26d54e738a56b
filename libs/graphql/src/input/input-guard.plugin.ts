import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { BadInputError, FieldProblem } from '@baton/core';
import { ExecutionArgs, ExecutionResult, getOperationAST, GraphQLError, subscribe } from 'graphql';
import { toGraphQLError } from '../error-formatting';
import { variableProblems } from './variable-problems';

/** Answers a subscription sent over HTTP: it has no stream to answer with. */
export const SUBSCRIPTION_OVER_HTTP = 'Subscriptions are served over WebSocket (the graphql-ws protocol, graphql-transport-ws) at /graphql, not over HTTP';

/**
 * Checks each HTTP request once it is parsed and validated, before any guard or resolver runs:
 * subscriptions are refused (they need graphql-ws), and the variables are coerced and checked as
 * text with every problem named, so nothing downstream (class-validator, passport, PostgreSQL)
 * ever sees a value of the wrong type or text that is not well-formed.
 */
export function inputGuardPlugin(options: { hideSuggestions: boolean }): ApolloServerPlugin {
  // It keeps no state per request: one listener serves them all.
  const listener: GraphQLRequestListener<Record<string, unknown>> = {
    async didResolveOperation({ operation, schema, request }) {
      if (!operation) return;
      if (operation.operation === 'subscription') {
        throw new GraphQLError(SUBSCRIPTION_OVER_HTTP, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      }
      const problems = variableProblems(schema, operation, request.variables, options.hideSuggestions);
      if (problems.length) throw badInput(problems);
    },
  };
  return { requestDidStart: async () => listener };
}

/** Over HTTP the refusal carries Apollo's `http` extension (a request error, see http-status.plugin). */
export function badInput(problems: FieldProblem[], overHttp = true): GraphQLError {
  const error = toGraphQLError(new BadInputError(problems.length === 1 ? problems[0].message : `${problems.length} fields are invalid`, problems));
  if (overHttp) error.extensions.http = { status: 400 };
  return error;
}

/** Answers a query or mutation sent over the WebSocket. */
export const OPERATION_OVER_WS = 'Queries and mutations are served over HTTP (POST /graphql); the WebSocket at /graphql serves subscriptions only';

/**
 * graphql-ws runs operations without Apollo's plugins and validation rules (query limits, the
 * one-login-per-request rule): it serves subscriptions only, and their variables get the same
 * checks as over HTTP.
 */
export function guardedWsExecution(options: { hideSuggestions: boolean }) {
  const refusal = (args: ExecutionArgs): ExecutionResult | undefined => {
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return undefined;
    const problems = variableProblems(args.schema, operation, args.variableValues as Record<string, unknown> | undefined, options.hideSuggestions);
    return problems.length ? { errors: [badInput(problems, false)] } : undefined;
  };
  return {
    // graphql-ws calls execute for queries and mutations only (subscribe for subscriptions).
    execute: (): ExecutionResult => ({ errors: [new GraphQLError(OPERATION_OVER_WS, { extensions: { code: 'BAD_REQUEST' } })] }),
    subscribe: (args: ExecutionArgs) => refusal(args) ?? subscribe(args),
  };
}
