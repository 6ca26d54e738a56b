import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Subscribes over graphql-ws like a browser would, with the token in connectionParams. */
export async function subscribe<T = Record<string, any>>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Subscription<T>> {
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
  });
  const queue: Array<{ data?: T; errors?: unknown }> = [];
  const waiters: Array<(value: { data?: T; errors?: unknown }) => void> = [];
  let failure: unknown;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        const waiter = waiters.shift();
        if (waiter) waiter(value as { data?: T });
        else queue.push(value as { data?: T });
      },
      error: (error) => {
        failure = error;
        const waiter = waiters.shift();
        waiter?.({ errors: error });
      },
      complete: () => undefined,
    },
  );
  // Let the subscription reach the server before the test triggers events.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    async next(timeoutMs = 5000) {
      const value =
        queue.shift() ??
        (failure ? { errors: failure } : undefined) ??
        (await new Promise<{ data?: T; errors?: unknown }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no subscription event in time')), timeoutMs);
          waiters.push((v) => {
            clearTimeout(timer);
            resolve(v);
          });
        }));
      if (value.errors) throw Object.assign(new Error('subscription error'), { errors: value.errors });
      return value.data as T;
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
