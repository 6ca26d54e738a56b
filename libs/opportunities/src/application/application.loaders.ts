import { Injectable } from '@nestjs/common';
import { groupInto, LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OpportunityEntity } from '../opportunity/opportunity.entity';
import { ApplicationHistoryEntity } from './application.entity';

/**
 * History of many applications (the caller has already decided the viewer sees each application).
 * Ties in time are broken by the stage: every allowed move goes forward in the enum's order.
 */
@Injectable()
export class ApplicationHistoryLoader implements LoaderFactory<string, ApplicationHistoryEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, ApplicationHistoryEntity[]> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource
        .getRepository(ApplicationHistoryEntity)
        .find({ where: { applicationId: In([...ids]) }, order: { at: 'ASC', toStage: 'ASC' } });
      return groupInto(ids, rows, (r) => r.applicationId);
    });
  }
}

/** Opportunities by id, for the edge of an application the viewer sees (so its opportunity is shown, even closed). */
@Injectable()
export class OpportunityByIdLoader implements LoaderFactory<string, OpportunityEntity | null> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, OpportunityEntity | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.getRepository(OpportunityEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows, (r) => r.id);
    });
  }
}
