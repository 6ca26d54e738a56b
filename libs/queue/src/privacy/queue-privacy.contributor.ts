import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

/**
 * pg-boss's tables. Job payloads carry ids and counts, never names or contact details (a rule
 * for every job: handlers load what they need), so an erasure has nothing to change here.
 */
@Injectable()
@PrivacyContributor()
export class QueuePrivacyContributor implements PrivacyContribution {
  readonly section = 'jobs';
  readonly tables = ['job', 'archive', 'queue', 'schedule', 'subscription', 'version'].map((name) => ({
    table: `pgboss.${name}`,
    personal: false,
    note: 'job queue: payloads and results hold ids and counts only',
  }));
}
