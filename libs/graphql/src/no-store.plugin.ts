import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL answer: they are per person, and no proxy or
 * browser may keep one. Apollo's implicit cache-control plugin gave this header, but to compute
 * it it wrapped every field resolver of the schema and built a cache policy per field on every
 * request, for cache hints Baton never declares; it is switched off in graphql.module.ts.
 */
export function noStorePlugin(): ApolloServerPlugin {
  // It keeps no state per request: one listener serves them all.
  const listener: GraphQLRequestListener<Record<string, unknown>> = {
    async willSendResponse({ response }) {
      response.http.headers.set('cache-control', 'no-store');
    },
  };
  return { requestDidStart: async () => listener };
}
