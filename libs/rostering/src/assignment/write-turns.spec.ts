import { WriteTurns } from './write-turns';

/** A promise the test settles by hand, to hold a write in flight. */
function gate<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteTurns', () => {
  it('a second request for a key being written waits, judges again, and may be refused without writing', async () => {
    const turns = new WriteTurns();
    const firstWrite = gate<string>();
    let committed = false;
    const judge = async () => {
      if (committed) throw new Error('ALREADY_ASSIGNED');
    };
    const writes: string[] = [];
    const first = turns.run('k', judge, () => (writes.push('first'), firstWrite.promise));
    await flush();
    const second = turns.run('k', judge, async () => (writes.push('second'), 'second'));
    await flush();
    expect(writes).toEqual(['first']);
    expect(turns.size).toBe(1);

    committed = true;
    firstWrite.resolve('first');
    await expect(first).resolves.toBe('first');
    await expect(second).rejects.toThrow('ALREADY_ASSIGNED');
    expect(writes).toEqual(['first']);
    expect(turns.size).toBe(0);
  });

  it('a failed write releases its waiters, who then write when their judgement passes', async () => {
    const turns = new WriteTurns();
    const firstWrite = gate<string>();
    const judge = async () => undefined;
    const first = turns.run('k', judge, () => firstWrite.promise);
    await flush();
    const second = turns.run('k', judge, async () => 'second');
    firstWrite.reject(new Error('serialization failure'));
    await expect(first).rejects.toThrow('serialization failure');
    await expect(second).resolves.toBe('second');
    expect(turns.size).toBe(0);
  });

  it('several waiters are released together; only one of them starts the next write', async () => {
    const turns = new WriteTurns();
    const firstWrite = gate<string>();
    const judge = async () => undefined;
    let running = 0;
    let mostAtOnce = 0;
    const write = async () => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await flush();
      running--;
      return 'w';
    };
    const first = turns.run('k', judge, () => firstWrite.promise);
    await flush();
    const waiters = [1, 2, 3, 4].map(() => turns.run('k', judge, write));
    firstWrite.resolve('first');
    await first;
    await Promise.all(waiters);
    expect(mostAtOnce).toBe(1);
  });

  it('a refusal by the first judgement never waits or writes; other keys do not wait', async () => {
    const turns = new WriteTurns();
    const held = gate<string>();
    const a = turns.run(
      'a',
      async () => undefined,
      () => held.promise,
    );
    await flush();
    await expect(
      turns.run(
        'b',
        async () => undefined,
        async () => 'b',
      ),
    ).resolves.toBe('b');
    const write = jest.fn(async () => 'never');
    await expect(turns.run('a', async () => Promise.reject(new Error('OVERLAP')), write)).rejects.toThrow('OVERLAP');
    expect(write).not.toHaveBeenCalled();
    held.resolve('a');
    await a;
  });
});
