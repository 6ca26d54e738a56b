import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@baton/graphql';
import DataLoader from 'dataloader';
import { GamesRecordService, GamesRecordSummary } from './games-record.service';

/**
 * The valid, visible records of many accounts in two statements (for profile and JSON Resume
 * field resolvers). Whether the viewer may see a profile at all is the caller's policy.
 */
@Injectable()
export class GamesRecordsByUserLoader implements LoaderFactory<string, GamesRecordSummary[]> {
  constructor(private readonly records: GamesRecordService) {}
  create(): DataLoader<string, GamesRecordSummary[]> {
    return new DataLoader(async (userIds: readonly string[]) => {
      const byUser = await this.records.recordsForUsers(userIds);
      return userIds.map((id) => byUser.get(id) ?? []);
    });
  }
}
