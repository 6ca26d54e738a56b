import { GraphqlContext } from '@baton/graphql';

/** Where a consent came from: the request's id (x-request-id), address and user agent. */
export interface RequestInfo {
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

export function requestInfo(context: GraphqlContext): RequestInfo {
  const agent = context.req.headers['user-agent'];
  return {
    requestId: context.req.id ? String(context.req.id).slice(0, 200) : null,
    ipAddress: context.req.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
  };
}
