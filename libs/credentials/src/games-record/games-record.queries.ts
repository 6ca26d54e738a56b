import { Injectable } from '@nestjs/common';
import { StaffMemberEntity } from '@baton/staff';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { GamesRecordEntity } from './games-record.entity';
import { LinkedRecord } from './games-record.mapper';

/** Reads of games_records with the two links every view shows (key kid, successor code), in one statement. */
@Injectable()
export class GamesRecordQueries {
  constructor(private readonly dataSource: DataSource) {}

  withLinks(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<GamesRecordEntity> {
    return manager
      .getRepository(GamesRecordEntity)
      .createQueryBuilder('r')
      .leftJoin('r.key', 'k')
      .addSelect(['k.id', 'k.kid'])
      .leftJoin('r.supersededBy', 's')
      .addSelect(['s.id', 's.code']);
  }

  async byId(id: string, manager?: EntityManager): Promise<LinkedRecord | null> {
    return (await this.withLinks(manager).where('r.id = :id', { id }).getOne()) as LinkedRecord | null;
  }

  /** Staff record ids linked to these accounts (a person has one per event they worked). */
  async staffIdsByUser(userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
    if (!userIds.length) return byUser;
    const rows = await manager.getRepository(StaffMemberEntity).find({ select: { id: true, userId: true }, where: { userId: In([...new Set(userIds)]) } });
    for (const row of rows) byUser.get(row.userId!)?.push(row.id);
    return byUser;
  }
}
