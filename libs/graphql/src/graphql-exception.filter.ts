import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { BatonError } from '@baton/core';
import { GraphQLResolveInfo, responsePathAsArray } from 'graphql';
import { toGraphQLError } from './error-formatting';

/**
 * Resolver errors become typed GraphQL errors here. Expected outcomes (a rule refused, a bad
 * input) are not logged as server errors; only the unexpected are, once, in toGraphQLError.
 * HTTP routes (health, metrics, the IDE) keep Nest's ordinary handling.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(error: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'graphql') {
      if (error instanceof HttpException) throw error;
      const response = host.switchToHttp().getResponse();
      const status =
        error instanceof BatonError ? (({ UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as Record<string, number>)[error.code] ?? 400) : 500;
      response.status(status).send({ error: error instanceof BatonError ? error.code : 'INTERNAL' });
      return;
    }
    const info = GqlArgumentsHost.create(host).getInfo<GraphQLResolveInfo | undefined>();
    return toGraphQLError(error, info?.fieldNodes && info.path ? { nodes: info.fieldNodes, path: responsePathAsArray(info.path) } : undefined);
  }
}
