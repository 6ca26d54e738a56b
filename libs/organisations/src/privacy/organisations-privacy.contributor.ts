import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

/** Organisations are companies, not people: reviewed, no personal data. */
@Injectable()
@PrivacyContributor()
export class OrganisationsPrivacyContributor implements PrivacyContribution {
  readonly section = 'organisations';
  readonly tables = [{ table: 'organisations', personal: false, note: 'reference data (companies and programmes)' }];
}
