import { FollowingCache } from './following-cache';

describe('FollowingCache', () => {
  it('keeps a value until that person changes', () => {
    const cache = new FollowingCache<string>(10);
    cache.set('a', 'A', cache.version);
    cache.set('b', 'B', cache.version);
    cache.forget(['a']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    cache.forget(null);
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not store a read that a change overtook', () => {
    const cache = new FollowingCache<string>(10);
    const version = cache.version;
    // The change is heard while the read is on its way: what it read may be older than the change.
    cache.forget(['someone else']);
    cache.set('a', 'old', version);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'new', cache.version);
    expect(cache.get('a')).toBe('new');
  });

  it('drops the oldest entry when full', () => {
    const cache = new FollowingCache<number>(2);
    for (const [i, id] of ['a', 'b', 'c'].entries()) cache.set(id, i, cache.version);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, 1, 2, 2]);
  });
});
