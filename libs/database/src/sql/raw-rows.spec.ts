import { camelRow, camelRows, CamelRow } from './raw-rows';

describe('camelRow', () => {
  it('renames snake_case columns to camelCase keys and keeps the values as they are', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const row = { staff_member_id: 's1', created_at: at, venue_ids: ['v1'], id: 'a1', phone_envelope: null };
    const camel: CamelRow<typeof row> = camelRow(row);
    expect(camel).toEqual({ staffMemberId: 's1', createdAt: at, venueIds: ['v1'], id: 'a1', phoneEnvelope: null });
    expect(camel.createdAt).toBe(at);
  });

  it('leaves names without underscores alone, and maps a list row by row', () => {
    expect(camelRows([{ count: 2 }, { count: 3 }])).toEqual([{ count: 2 }, { count: 3 }]);
    expect(camelRows([])).toEqual([]);
  });
});
