import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type VenueTeamKind = 'venue' | 'team';

/** One kind of thing that keeps a venue or team in use, told by the lib that owns it. */
export interface VenueTeamUsage {
  /** The key of the count in the CONFLICT details, e.g. `shifts`. */
  key: string;
  /** How the message names them, e.g. `shift(s)`. */
  noun: string;
  count(manager: EntityManager, kind: VenueTeamKind, id: string): Promise<number>;
}

/**
 * The port through which events asks "is anything still at this venue, of this team?" without
 * reading other libs' tables: scheduling registers its shifts (the way `ActorLoader` inverts
 * auth → identity). Register from `onModuleInit`; asked in the order registered. The foreign keys
 * still refuse a removal no usage reported.
 */
@Injectable()
export class VenueTeamUsages {
  private readonly usages: VenueTeamUsage[] = [];

  register(usage: VenueTeamUsage): void {
    if (this.usages.some((u) => u.key === usage.key)) throw new Error(`A venue and team usage named ${usage.key} is already registered`);
    this.usages.push(usage);
  }

  get registered(): readonly string[] {
    return this.usages.map((u) => u.key);
  }

  /** The first usage with a non-zero count, if any. */
  async inUse(manager: EntityManager, kind: VenueTeamKind, id: string): Promise<{ usage: VenueTeamUsage; count: number } | undefined> {
    for (const usage of this.usages) {
      const count = await usage.count(manager, kind, id);
      if (count > 0) return { usage, count };
    }
    return undefined;
  }
}
