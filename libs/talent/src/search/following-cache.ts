/**
 * Values per person, kept while the talent engine hears no change of that person (see
 * TalentPageReader). A value read from the database is stored only if no change was heard while
 * it was read: a read that started before a change committed could otherwise store what the
 * change replaced after the change was already forgotten. The oldest entry goes first when full.
 */
export class FollowingCache<V> {
  private readonly entries = new Map<string, V>();
  private generation = 0;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(userId: string): V | undefined {
    return this.entries.get(userId);
  }

  /** The marker to hand back to `set`, taken before reading the database. */
  get version(): number {
    return this.generation;
  }

  set(userId: string, value: V, version: number): void {
    if (version !== this.generation) return;
    if (!this.entries.has(userId) && this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, value);
  }

  /** These people changed; null: anyone may have. */
  forget(userIds: readonly string[] | null): void {
    this.generation++;
    if (!userIds) this.entries.clear();
    else for (const id of userIds) this.entries.delete(id);
  }
}
