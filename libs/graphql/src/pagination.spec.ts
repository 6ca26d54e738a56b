import { BadInputError } from '@baton/core';
import { paginate } from './pagination';

/** A query builder double that records what paginate asks of it; the SQL itself is covered end to end. */
function fakeQuery(rows: Array<{ id: string }>) {
  const calls: string[] = [];
  const qb = {
    clone: () => qb,
    getCount: async () => rows.length,
    orderBy: (c: string) => (calls.push(`order ${c}`), qb),
    addOrderBy: (c: string) => (calls.push(`then ${c}`), qb),
    andWhere: (w: string, p: object) => (calls.push(`where ${w} ${JSON.stringify(p)}`), qb),
    limit: (n: number) => (calls.push(`limit ${n}`), qb),
    getMany: async () => rows,
  };
  return { qb, calls };
}

describe('paginate', () => {
  it('asks for one row more than the page to know whether another page follows', async () => {
    const { qb, calls } = fakeQuery([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const page = await paginate(qb as never, { first: 2 }, [{ column: 'x.id', value: (r: { id: string }) => r.id }], (r) => r.id);
    expect(calls).toContain('limit 3');
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0].cursor, endCursor: page.edges[1].cursor });
    expect(page.totalCount).toBe(3);

    const { qb: next, calls: nextCalls } = fakeQuery([{ id: 'c' }]);
    const second = await paginate(
      next as never,
      { first: 2, after: page.pageInfo.endCursor! },
      [{ column: 'x.id', value: (r: { id: string }) => r.id }],
      (r) => r,
    );
    expect(nextCalls).toContain('where (x.id) > (:cursor0) {"cursor0":"b"}');
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: second.pageInfo.endCursor });
  });

  it('refuses a cursor it did not make', async () => {
    const { qb } = fakeQuery([]);
    await expect(paginate(qb as never, { after: 'not-a-cursor' }, [{ column: 'x.id', value: () => 1 }], (r) => r)).rejects.toBeInstanceOf(BadInputError);
  });
});
