import { Injectable, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Actor } from '@baton/auth';
import DataLoader from 'dataloader';

/**
 * A batch loader definition: one instance per app (it may inject repositories), one DataLoader
 * per request (its cache must never outlive the request or leak between people).
 */
export interface LoaderFactory<K, V> {
  create(actor: Actor | undefined): DataLoader<K, V>;
}

export class LoaderRegistry {
  private readonly loaders = new Map<Type<LoaderFactory<unknown, unknown>>, DataLoader<unknown, unknown>>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly actor: () => Actor | undefined,
  ) {}

  get<K, V>(factory: Type<LoaderFactory<K, V>>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = this.moduleRef.get(factory, { strict: false }).create(this.actor()) as DataLoader<unknown, unknown>;
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Forgets every loader of this request: after a mutation, what they cached may be stale. */
  clear(): void {
    this.loaders.clear();
  }
}

@Injectable()
export class LoaderRegistryFactory {
  constructor(private readonly moduleRef: ModuleRef) {}
  create(actor: () => Actor | undefined): LoaderRegistry {
    return new LoaderRegistry(this.moduleRef, actor);
  }
}

/** Groups rows by key in the order DataLoader asked for them. */
export function groupInto<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const buckets = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) buckets.get(keyOf(row))?.push(row);
  return keys.map((k) => buckets.get(k) ?? []);
}

export function pickInto<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** A list edge (venueIds → venues): each id through the loader, keeping what the viewer may see, in order. */
export async function loadVisible<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const items = await loader.loadMany(ids);
  const failure = items.find((item): item is Error => item instanceof Error);
  if (failure) throw failure;
  return items.filter((item): item is T => item !== null);
}
