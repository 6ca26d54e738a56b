import { Injectable } from '@nestjs/common';
import { GamesRecordService, GamesRecordSummary } from '@baton/credentials';
import { LoaderFactory } from '@baton/graphql';
import DataLoader from 'dataloader';
import { SectionKey } from './profile.loaders';

/**
 * The current signed Games records (valid, revoked, hidden: the policy in verified-records.ts
 * picks) of many profiles, through the credentials lib's public read API: two statements a page.
 */
@Injectable()
export class ProfileRecordsLoader implements LoaderFactory<SectionKey, GamesRecordSummary[]> {
  constructor(private readonly records: GamesRecordService) {}
  create(): DataLoader<SectionKey, GamesRecordSummary[], string> {
    return new DataLoader(
      async (keys: readonly SectionKey[]) => {
        const byUser = await this.records.recordsForUsers(
          keys.map((k) => k.userId),
          undefined,
          { includeHiddenAndRevoked: true },
        );
        return keys.map((k) => byUser.get(k.userId) ?? []);
      },
      { cacheKeyFn: (key: SectionKey) => key.userId },
    );
  }
}
