import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { BatonError, UnauthenticatedError } from '@baton/core';

/**
 * passport-local reads credentials from `req.body`; in GraphQL they are the mutation's input.
 * The strategy gets a small request of its own so the real body is left untouched.
 */
@Injectable()
export class GqlLocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const req = gql.getContext().req;
    const input = gql.getArgs().input ?? {};
    const loginRequest = { body: { email: input.email, password: input.password }, ip: req.ip, headers: req.headers, user: undefined };
    gql.getContext().loginRequest = loginRequest;
    return loginRequest;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof BatonError) throw error;
    if (error || !user) throw new UnauthenticatedError('Wrong email or password', { reason: 'BAD_CREDENTIALS' });
    return user;
  }
}
