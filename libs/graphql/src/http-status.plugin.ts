import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import Negotiator from 'negotiator';

// The media types Apollo Server 5 negotiates between for a single result (its MEDIA_TYPES).
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const JSONP_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';

/** Errors that refuse a well-formed request before execution: the document or its variables. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * One status rule for a GraphQL request that cannot run (syntax, validation, variable coercion,
 * an invalid argument value inline or in the variables), the GraphQL-over-HTTP spec's:
 * `application/json` answers 200 with `errors` and no `data`, `application/graphql-response+json`
 * answers 400. Apollo alone answered 400 for a wrong type and 200 for a value its scalar let
 * through, whatever the client accepted. Errors during execution always come with `data` (200);
 * a malformed HTTP request (no query, a batch, a GET mutation, a subscription) keeps its 4xx.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  // It keeps no state per request: one listener serves them all.
  const listener: GraphQLRequestListener<Record<string, unknown>> = {
    async willSendResponse({ request, response }) {
      const body = response.body;
      if (body.kind !== 'single' || 'data' in body.singleResult || !request.http) return;
      const errors = body.singleResult.errors ?? [];
      if (!errors.length || !errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
      response.http.status = prefersGraphqlResponse(request.http.headers.get('accept')) ? 400 : 200;
    },
  };
  return { requestDidStart: async () => listener };
}

/** The content type Apollo will answer with, negotiated the way Apollo does it. */
function prefersGraphqlResponse(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, JSONP_TYPE]) === GRAPHQL_RESPONSE_TYPE;
}
