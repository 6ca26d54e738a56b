import { CoverageBucket } from './coverage.dto';
import { MAX_GAPS, toCoverageObject } from './coverage.service';
import { CoverageGapRow } from './coverage.sql';

describe('toCoverageObject', () => {
  const edges = [0, 3_600_000, 7_200_000, 10_800_000];

  it('writes one cell per bucket of a run, sharing the edge dates', () => {
    const result = toCoverageObject('e', CoverageBucket.HOUR, {
      timeZone: 'Europe/Paris',
      edges,
      runs: [['v', 't', 0, 2, 4, 3, 1], ['v', 't', 2, 3, 6, 7, 2]],
      gaps: [],
      totals: [10, 6, 2, 4],
    });
    expect(result.cells.map((c) => [c.bucketStart.getTime(), c.bucketEnd.getTime(), c.required, c.assigned, c.checkedIn, c.gap])).toEqual([
      [0, 3_600_000, 4, 3, 1, 1],
      [3_600_000, 7_200_000, 4, 3, 1, 1],
      [7_200_000, 10_800_000, 6, 7, 2, 0],
    ]);
    expect(result.cells[0].bucketEnd).toBe(result.cells[1].bucketStart);
    expect(result).toMatchObject({ from: new Date(0), to: new Date(10_800_000), totals: { required: 10, assigned: 6, checkedIn: 2, gap: 4 }, gapsTruncated: false });
  });

  it('cuts the gaps at the limit and says so', () => {
    const gap: CoverageGapRow = ['s', 'v', 't', 'Role', 0, 3_600_000, 3, 1];
    const result = toCoverageObject('e', CoverageBucket.DAY, { timeZone: 'UTC', edges, runs: [], gaps: Array(MAX_GAPS + 1).fill(gap), totals: [0, 0, 0, 0] });
    expect(result.gaps).toHaveLength(MAX_GAPS);
    expect(result.gapsTruncated).toBe(true);
    expect(result.gaps[0]).toEqual({ shiftId: 's', venueId: 'v', teamId: 't', roleTitle: 'Role', startsAt: new Date(0), endsAt: new Date(3_600_000), headcount: 3, assigned: 1, missing: 2 });
  });
});
