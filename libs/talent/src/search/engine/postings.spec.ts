import fc from 'fast-check';
import { Bitset } from './bitset';
import { Postings } from './postings';

/** Everything a search reads of a posting list: members with their class, as a set, counted in another set, as scores. */
function readings(p: Postings, size: number, probe: Bitset) {
  const members: string[] = [];
  p.forEach((id, weight) => members.push(`${id}:${weight}`));
  const set = new Bitset(size);
  p.addTo(set);
  const bits: number[] = [];
  set.forEach((i) => bits.push(i));
  const scores = new Float64Array(size);
  p.addScores(scores, [0.1, 0.2, 0.4, 1], 2);
  return { members: members.sort(), bits, inProbe: p.countIn(probe), scores: [...scores], length: p.length };
}

describe('Postings', () => {
  it('reads the same in the short and the dense form, before and after more appends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.uniqueArray(fc.nat(599), { maxLength: 400 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 400, maxLength: 400 }),
        fc.boolean(),
        (split, raw, weights, weighted) => {
          const ids = raw.sort((a, b) => a - b);
          const size = 600;
          const probe = Bitset.of(
            size,
            ids.filter((id) => id % 3 === 0),
          );
          const short = new Postings(weighted);
          const compacted = new Postings(weighted);
          // Told the universe: may turn dense while appending, never doubling past its bitsets.
          const eager = new Postings(weighted);
          const first = ids.filter((id) => id < split);
          for (const [i, id] of first.entries()) {
            short.append(id, weighted ? weights[i] : 0);
            compacted.append(id, weighted ? weights[i] : 0);
            eager.append(id, weighted ? weights[i] : 0, size);
          }
          expect(readings(eager, size, probe)).toEqual(readings(short, size, probe));
          // Compacted over the universe of the moment (ids below split), then grown past it.
          compacted.compact(split);
          expect(readings(compacted, size, probe)).toEqual(readings(short, size, probe));
          for (const [i, id] of ids.filter((id) => id >= split).entries()) {
            short.append(id, weighted ? weights[(i + 7) % 400] : 0);
            compacted.append(id, weighted ? weights[(i + 7) % 400] : 0);
            eager.append(id, weighted ? weights[(i + 7) % 400] : 0, size);
          }
          expect(readings(compacted, size, probe)).toEqual(readings(short, size, probe));
          expect(readings(eager, size, probe)).toEqual(readings(short, size, probe));
        },
      ),
    );
  });

  it('turns dense only when that is smaller', () => {
    const common = new Postings(true);
    for (let id = 0; id < 5000; id += 2) common.append(id, id % 4 === 0 ? 3 : 0);
    common.compact(5000);
    expect(common.dense).toBe(true);
    const rare = new Postings(true);
    for (let id = 0; id < 5000; id += 500) rare.append(id, 3);
    rare.compact(5000);
    expect(rare.dense).toBe(false);
  });

  it('told the universe, turns dense as it outgrows its bitsets, before any compact', () => {
    // Over 5,000 documents two classes of bitsets take 2 × 157 words × 4 = 1,256 bytes: the list of
    // 128 ids (640 bytes) would double to 1,280, so the 129th id makes it dense instead.
    const common = new Postings(true);
    for (let id = 0; id < 128; id++) common.append(id, id % 2 === 0 ? 3 : 0, 5000);
    expect(common.dense).toBe(false);
    common.append(128, 3, 5000);
    expect(common.dense).toBe(true);
    expect(common.length).toBe(129);
    // 100 ids over 100,000 documents stay a list (a bitset would be 12,500 bytes).
    const rare = new Postings(true);
    for (let id = 0; id < 5000; id += 50) rare.append(id, 3, 100_000);
    expect(rare.dense).toBe(false);
  });
});
