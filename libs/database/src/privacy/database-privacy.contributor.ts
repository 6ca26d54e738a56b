import { Injectable } from '@nestjs/common';
import { PrivacyContribution, PrivacyContributor } from '@baton/core';

@Injectable()
@PrivacyContributor()
export class DatabasePrivacyContributor implements PrivacyContribution {
  readonly section = 'database';
  readonly tables = [{ table: 'migrations', personal: false, note: 'the list of applied migrations' }];
}
