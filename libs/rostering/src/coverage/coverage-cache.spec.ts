import type { BatonConfig } from '@baton/config';
import { SHIFTS_CHANGED } from '@baton/scheduling';
import { PubSub } from 'graphql-subscriptions';
import { ASSIGNMENT_CHANGED } from '../assignment/assignment.service';
import { CoverageCache, CoverageQuestion } from './coverage-cache';
import { COVERAGE_TOUCHED } from './coverage-changes';
import { CoverageBucket, CoverageObject } from './coverage.dto';

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

class HandClockCache extends CoverageCache {
  clock = 1_000;
  protected override monotonicNow(): number {
    return this.clock;
  }
}

const E = 'event-1';
const question = (venueIds: string[] | null, teamIds: string[] | null = null, eventId = E): CoverageQuestion => ({
  eventId,
  bucket: CoverageBucket.HOUR,
  from: new Date('2024-07-27T00:00:00Z'),
  to: new Date('2024-07-28T00:00:00Z'),
  venueIds,
  teamIds,
  grants: null,
});
const board = (label: string) => ({ eventId: label, cells: [], gaps: [] }) as unknown as CoverageObject;
const NOW = Date.parse('2024-07-27T08:00:00Z');

describe('CoverageCache', () => {
  let pubSub: PubSub;
  let cache: HandClockCache;
  let computed: number;
  const compute = (label = 'board') => {
    computed++;
    return Promise.resolve(board(label));
  };
  const make = async (seconds: number) => {
    pubSub = new PubSub();
    cache = new HandClockCache({ coverage: { cacheSeconds: seconds } } as BatonConfig, pubSub);
    await cache.onApplicationBootstrap();
    computed = 0;
  };
  afterEach(() => cache.onApplicationShutdown());

  it('shares one computation between identical questions while it runs, and keeps the answer for the lifetime only', async () => {
    await make(3);
    const running = deferred<CoverageObject>();
    const first = cache.entry(question(['v1']), NOW, () => {
      computed++;
      return running.promise;
    });
    const second = cache.entry(question(['v1']), NOW, compute);
    expect(second).toBe(first);
    expect(computed).toBe(1);
    running.resolve(board('first'));
    expect(await second.answer).toEqual(board('first'));
    await settle();
    cache.clock += 2_999;
    expect(await cache.entry(question(['v1']), NOW + 2_999, compute).answer).toEqual(board('first'));
    expect(computed).toBe(1);
    cache.clock += 1;
    expect(await cache.entry(question(['v1']), NOW + 3_000, compute).answer).toEqual(board('board'));
    expect(computed).toBe(2);
  });

  it('without a lifetime still shares a running computation, then forgets it', async () => {
    await make(0);
    const running = deferred<CoverageObject>();
    const first = cache.entry(question(null), NOW, () => running.promise);
    expect(cache.entry(question(null), NOW + 5, compute)).toBe(first);
    running.resolve(board('first'));
    await first.answer;
    await settle();
    expect(cache.size).toBe(0);
    await cache.entry(question(null), NOW, compute).answer;
    expect(computed).toBe(1);
    cache.keepText(first, 'sig', '{}');
    expect(first.texts.size).toBe(0);
  });

  it('never answers one question with another: other venues, teams, window, bucket or business time compute their own', async () => {
    await make(3);
    const base = question(['v1', 'v2'], ['t1']);
    await cache.entry(base, NOW, compute).answer;
    const others: Array<[CoverageQuestion, number]> = [
      [question(['v1'], ['t1']), NOW],
      [question(['v1', 'v2'], null), NOW],
      [question(null, ['t1']), NOW],
      [{ ...base, bucket: CoverageBucket.DAY }, NOW],
      [{ ...base, to: new Date('2024-07-29T00:00:00Z') }, NOW],
      [question(['v1', 'v2'], ['t1'], 'event-2'), NOW],
      // A business clock moved further than the lifetime (tests' fixed clocks).
      [base, NOW + 3_600_000],
    ];
    for (const [q, now] of others) await cache.entry(q, now, compute).answer;
    expect(computed).toBe(1 + others.length);
  });

  it('drops the boards whose scope holds a touched venue and team, at once and also while computing', async () => {
    await make(3);
    const wide = cache.entry(question(null), NOW, compute);
    const v1 = cache.entry(question(['v1']), NOW, compute);
    const v2t2 = cache.entry(question(['v2'], ['t2']), NOW, compute);
    await Promise.all([wide.answer, v1.answer, v2t2.answer]);
    await settle();
    cache.keepText(v1, 'sig', '{"cells":[]}');
    expect(v1.texts.get('sig')?.text).toBe('{"cells":[]}');

    cache.drop({ eventId: E, venueId: 'v2', teamId: 't1' });
    expect([wide.live, v1.live, v2t2.live]).toEqual([false, true, true]);
    cache.drop({ eventId: 'event-2', venueId: 'v1', teamId: 't1' });
    expect(v1.live).toBe(true);
    cache.drop({ eventId: E, venueId: 'v1', teamId: 't9' });
    expect([v1.live, v1.texts.size, v2t2.live]).toEqual([false, 0, true]);

    const running = deferred<CoverageObject>();
    const stale = cache.entry(question(['v2'], ['t2']), NOW, () => running.promise);
    expect(stale).toBe(v2t2);
    const computing = cache.entry(question(['v3']), NOW, () => running.promise);
    cache.drop({ eventId: E, venueId: 'v3', teamId: 't1' });
    const fresh = cache.entry(question(['v3']), NOW, compute);
    expect(fresh).not.toBe(computing);
    running.resolve(board('before the change'));
    await computing.answer;
    await settle();
    // What was computed before the change is neither kept nor given text.
    cache.keepText(computing, 'sig', '{}');
    expect([computing.live, computing.texts.size]).toEqual([false, 0]);
    expect(await cache.entry(question(['v3']), NOW, compute).answer).toEqual(board('board'));
  });

  it('hears the changes on the PubSub: assignments, check-ins and cancellations, shift edits', async () => {
    await make(3);
    const messages = [
      [ASSIGNMENT_CHANGED, { [ASSIGNMENT_CHANGED]: { assignment: { eventId: E }, venueId: 'v1', teamId: 't1', change: 'ASSIGNED' } }],
      [COVERAGE_TOUCHED, { [COVERAGE_TOUCHED]: { eventId: E, venueId: 'v1', teamId: 't1' } }],
      [SHIFTS_CHANGED, { [SHIFTS_CHANGED]: { eventId: E, places: [{ venueId: 'v9', teamId: 't9' }, { venueId: 'v1', teamId: 't1' }] } }],
    ] as const;
    for (const [topic, message] of messages) {
      const entry = cache.entry(question(['v1']), NOW, compute);
      await entry.answer;
      await settle();
      expect(entry.live).toBe(true);
      await pubSub.publish(topic, message);
      expect(entry.live).toBe(false);
    }
    expect(computed).toBe(3);
  });

  // A text counts twice: its bytes are kept beside it once it was sent.
  it('lets the oldest boards go when the texts kept pass the memory bound', async () => {
    await make(3);
    const first = cache.entry(question(['v1']), NOW, compute);
    const second = cache.entry(question(['v2']), NOW, compute);
    await Promise.all([first.answer, second.answer]);
    await settle();
    cache.keepText(first, 'sig', 'x'.repeat(15 * 1024 * 1024));
    expect(first.live).toBe(true);
    cache.keepText(second, 'sig', 'y'.repeat(15 * 1024 * 1024));
    expect([first.live, second.live, cache.size]).toEqual([false, true, 1]);
  });

  it('forgets a failed computation', async () => {
    await make(3);
    const failed = cache.entry(question(null), NOW, () => Promise.reject(new Error('busy')));
    await expect(failed.answer).rejects.toThrow('busy');
    await settle();
    expect(cache.size).toBe(0);
  });
});
