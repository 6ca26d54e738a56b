import type { MessagePort } from 'node:worker_threads';

/**
 * A CPU-heavy function that runs in a worker thread, so the event loop of the process (the
 * API answering requests) never waits for it. The module at `filename` exports `exportName`, a
 * function taking `ThreadTaskArgs`; it gets plain data (load it from the database first, in the
 * handler) and returns plain data (write it back in the handler). It cannot use Nest providers
 * or the database: on the embedded database there is only one connection, owned by the main thread.
 */
export interface ThreadTask<I, O> {
  readonly filename: string;
  readonly exportName: string;
  /** Phantom fields: they only carry the types. */
  readonly __input?: I;
  readonly __output?: O;
}

/** What the thread function receives. Post `{ done, total?, stage? }` on `progress` to report progress. */
export interface ThreadTaskArgs<I> {
  input: I;
  progress: MessagePort;
}

/**
 * Declares a thread task. Pass the module path without extension (`join(__dirname, 'x.thread')`):
 * the compiled `.js` is used in builds and the `.ts` source under the test runner.
 */
export function threadTask<I, O>(modulePath: string, exportName: string): ThreadTask<I, O> {
  const extension = __filename.endsWith('.ts') ? '.ts' : '.js';
  return { filename: modulePath.endsWith(extension) ? modulePath : `${modulePath}${extension}`, exportName };
}
