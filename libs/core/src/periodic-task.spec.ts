import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never runs twice at once, survives errors, and stop() waits for the run in progress', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const errors: string[] = [];
    const task = new PeriodicTask(
      async () => {
        runs++;
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        if (runs === 1) {
          concurrent--;
          throw new Error('boom');
        }
        await new Promise<void>((resolve) => (release = resolve));
        concurrent--;
      },
      100,
      (error) => errors.push(error.message),
    );
    task.start();
    await jest.advanceTimersByTimeAsync(100); // run 1 fails
    await jest.advanceTimersByTimeAsync(100); // run 2 starts and blocks
    await jest.advanceTimersByTimeAsync(500); // ticks while run 2 is still going are skipped
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    expect(errors).toEqual(['boom']);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toBe(2);
  });
});
