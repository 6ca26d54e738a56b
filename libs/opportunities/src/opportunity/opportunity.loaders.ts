import { Injectable } from '@nestjs/common';
import { groupInto, LoaderFactory } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { ApplicationStage } from '../common/opportunity-enums';
import { OpportunityLanguageEntity, OpportunitySkillEntity } from './opportunity.entity';

/** Skills wanted by many opportunities, one query per request. */
@Injectable()
export class OpportunitySkillsLoader implements LoaderFactory<string, OpportunitySkillEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, OpportunitySkillEntity[]> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(OpportunitySkillEntity).find({ where: { opportunityId: In([...ids]) }, order: { position: 'ASC' } });
      return groupInto(ids, rows, (r) => r.opportunityId);
    });
  }
}

@Injectable()
export class OpportunityLanguagesLoader implements LoaderFactory<string, OpportunityLanguageEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, OpportunityLanguageEntity[]> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(OpportunityLanguageEntity).find({ where: { opportunityId: In([...ids]) }, order: { position: 'ASC' } });
      return groupInto(ids, rows, (r) => r.opportunityId);
    });
  }
}

/** Applications per stage of many opportunities (the caller decides who may see them). */
@Injectable()
export class ApplicationCountsLoader implements LoaderFactory<string, Array<{ stage: ApplicationStage; count: number }>> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, Array<{ stage: ApplicationStage; count: number }>> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.query<Array<{ opportunity_id: string; stage: ApplicationStage; count: number }>>(
        `SELECT opportunity_id, stage, count(*)::int AS count FROM applications WHERE opportunity_id = ANY($1::uuid[])
          GROUP BY opportunity_id, stage ORDER BY opportunity_id, array_position(enum_range(NULL::application_stage), stage)`,
        [[...ids]],
      );
      return groupInto(ids, rows, (r) => r.opportunity_id).map((list) => list.map((r) => ({ stage: r.stage, count: r.count })));
    });
  }
}
