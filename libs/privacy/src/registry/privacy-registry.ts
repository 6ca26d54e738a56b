import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PRIVACY_CONTRIBUTION_METADATA, PrivacyContribution, PrivacyTableClaim } from '@baton/core';

export interface ClaimedTable extends PrivacyTableClaim {
  /** The section (lib) that answers for it. */
  section: string;
}

/**
 * Every `@PrivacyContributor()` of the application, found once at startup (like the job
 * registry): a lib adds its part of exports and erasures in its own module, this lib imports none
 * of them. A table claimed twice is a boot error, so each table has exactly one answerable lib.
 */
@Injectable()
export class PrivacyRegistry implements OnModuleInit {
  private list: PrivacyContribution[] = [];
  private readonly claims = new Map<string, ClaimedTable>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as PrivacyContribution | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance) || !wrapper.isDependencyTreeStatic()) continue;
      if (!this.reflector.get<boolean | undefined>(PRIVACY_CONTRIBUTION_METADATA, instance.constructor)) continue;
      seen.add(instance);
      if (this.list.some((c) => c.section === instance.section)) throw new Error(`Two privacy contributions use the section "${instance.section}"`);
      for (const claim of instance.tables) {
        const other = this.claims.get(claim.table);
        if (other) throw new Error(`Table ${claim.table} is claimed by the privacy contributions "${other.section}" and "${instance.section}"`);
        this.claims.set(claim.table, { ...claim, section: instance.section });
      }
      this.list.push(instance);
    }
    this.list.sort((a, b) => (a.erasureOrder ?? 0) - (b.erasureOrder ?? 0) || a.section.localeCompare(b.section));
  }

  /** In erasure order: data first, then the trails (audit, outbox). */
  contributions(): readonly PrivacyContribution[] {
    return this.list;
  }

  /** Every table some lib answers for, keyed `table` or `schema.table`. */
  tables(): ReadonlyMap<string, ClaimedTable> {
    return this.claims;
  }
}
