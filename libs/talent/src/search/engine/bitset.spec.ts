import fc from 'fast-check';
import { Bitset } from './bitset';

describe('Bitset', () => {
  it('agrees with a Set for and, or, andNot, count and iteration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.array(fc.nat(199)), fc.array(fc.nat(199)), (size, a, b) => {
        const xs = a.filter((x) => x < size);
        const ys = b.filter((y) => y < size);
        const A = new Set(xs);
        const B = new Set(ys);
        const sorted = (s: Iterable<number>) => [...s].sort((p, q) => p - q);
        const members = (set: Bitset) => {
          const out: number[] = [];
          set.forEach((i) => out.push(i));
          return out;
        };
        expect(members(Bitset.of(size, xs).and(Bitset.of(size, ys)))).toEqual(sorted([...A].filter((x) => B.has(x))));
        expect(members(Bitset.of(size, xs).or(Bitset.of(size, ys)))).toEqual(sorted(new Set([...A, ...B])));
        expect(members(Bitset.of(size, xs).andNot(Bitset.of(size, ys)))).toEqual(sorted([...A].filter((x) => !B.has(x))));
        expect(Bitset.of(size, xs).count()).toBe(A.size);
      }),
    );
  });

  it('a full set holds exactly 0..size-1, whatever the word boundary', () => {
    for (const size of [1, 31, 32, 33, 64, 100]) {
      const full = Bitset.full(size);
      expect(full.count()).toBe(size);
      expect(full.has(size - 1)).toBe(true);
      expect(full.words.length * 32 >= size).toBe(true);
    }
  });
});
