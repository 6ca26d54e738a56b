import { BoardLimiter } from './board-limiter';

/** A task the test finishes by hand: no timers, no wall clock. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('BoardLimiter', () => {
  it('runs at most `concurrency` tasks, queues the next ones in order and refuses beyond the queue', async () => {
    const limiter = new BoardLimiter(2, 2);
    const tasks = Array.from({ length: 4 }, () => deferred<number>());
    const started: number[] = [];
    const results = tasks.map((d, i) =>
      limiter.run(() => {
        started.push(i);
        return d.promise;
      }),
    );
    // Observed from the start, so the planned failure below is never an unhandled rejection.
    const outcomes = Promise.allSettled(results);
    await settle();
    expect(started).toEqual([0, 1]);
    expect([limiter.running, limiter.queued]).toEqual([2, 2]);
    await expect(limiter.run(async () => 99)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    tasks[1].resolve(1);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect([limiter.running, limiter.queued]).toEqual([2, 1]);
    // A failing task frees its slot too.
    tasks[0].reject(new Error('boom'));
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    tasks[2].resolve(2);
    tasks[3].resolve(3);
    expect(await outcomes).toEqual([
      { status: 'rejected', reason: new Error('boom') },
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
    ]);
    expect([limiter.running, limiter.queued]).toEqual([0, 0]);
  });
});
