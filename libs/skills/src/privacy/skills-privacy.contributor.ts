import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

/** The skill catalogue: reviewed, no personal data. */
@Injectable()
@PrivacyContributor()
export class SkillsPrivacyContributor implements PrivacyContribution {
  readonly section = 'skills';
  readonly tables = [{ table: 'skills', personal: false, note: 'reference data' }];
}
