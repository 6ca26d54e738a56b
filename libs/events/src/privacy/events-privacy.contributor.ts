import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

/** Events, venues and teams are reference data: reviewed, no personal data. */
@Injectable()
@PrivacyContributor()
export class EventsPrivacyContributor implements PrivacyContribution {
  readonly section = 'events';
  readonly tables = [
    { table: 'events', personal: false, note: 'reference data' },
    { table: 'venues', personal: false, note: 'reference data' },
    { table: 'teams', personal: false, note: 'reference data' },
  ];
}
