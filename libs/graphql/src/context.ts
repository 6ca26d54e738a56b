import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor } from '@baton/auth';
import { LoaderRegistry } from './loader-registry';

export interface GraphqlContext {
  req: { user?: Actor; headers: Record<string, unknown>; ip?: string; id?: string };
  loaders: LoaderRegistry;
}

/** The request's DataLoader registry. */
export const Loaders = createParamDecorator((_: unknown, context: ExecutionContext): LoaderRegistry => {
  return GqlExecutionContext.create(context).getContext<GraphqlContext>().loaders;
});
