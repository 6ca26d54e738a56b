import type { ThreadTaskArgs } from '@baton/queue';

/**
 * A deterministic CPU burn (test vehicle for worker-thread jobs): sums square roots for `ms`
 * milliseconds of this thread's time, posting how many iterations it has done every ~25 ms.
 * Only a type is imported, so nothing but this file loads in the thread.
 */
export function burn({ input, progress }: ThreadTaskArgs<{ ms: number }>): { iterations: number; checksum: number } {
  const end = Date.now() + input.ms;
  let iterations = 0;
  let checksum = 0;
  let nextReport = Date.now() + 25;
  while (Date.now() < end) {
    for (let i = 0; i < 10_000; i++) checksum += Math.sqrt(iterations + i);
    iterations += 10_000;
    if (Date.now() >= nextReport) {
      progress.postMessage({ done: iterations, stage: 'burning' });
      nextReport = Date.now() + 25;
    }
  }
  return { iterations, checksum };
}
