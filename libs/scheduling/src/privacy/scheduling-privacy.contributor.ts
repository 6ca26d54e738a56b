import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

/** Shifts and rules describe work, not people: reviewed, nothing to export or erase. */
@Injectable()
@PrivacyContributor()
export class SchedulingPrivacyContributor implements PrivacyContribution {
  readonly section = 'scheduling';
  readonly tables = [
    { table: 'shifts', personal: false, note: 'a role, a place and a time; created_by_id points to an account that erasure anonymises' },
    { table: 'shift_required_skills', personal: false, note: 'reference data' },
    { table: 'work_rule_sets', personal: false, note: 'configuration' },
  ];
}
