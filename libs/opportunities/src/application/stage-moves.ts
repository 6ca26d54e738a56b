import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationStage, StageMover } from '../common/opportunity-enums';
import { ApplicationStageMoveEntity } from './application.entity';

/**
 * The table of allowed moves (application_stage_moves), read once: it changes only with a
 * migration. The code asks it for friendly errors; the trigger asks the same table on every write.
 */
@Injectable()
export class StageMoves {
  private moves?: Promise<ApplicationStageMoveEntity[]>;
  constructor(private readonly dataSource: DataSource) {}

  /** Inside a transaction pass its manager: on the embedded database the pool's only connection is the transaction's. */
  all(manager: EntityManager = this.dataSource.manager): Promise<ApplicationStageMoveEntity[]> {
    this.moves ??= manager
      .getRepository(ApplicationStageMoveEntity)
      .find({ order: { fromStage: 'ASC', toStage: 'ASC' } })
      .catch((error) => {
        this.moves = undefined;
        throw error;
      });
    return this.moves;
  }

  async next(from: ApplicationStage, mover: StageMover, manager?: EntityManager): Promise<ApplicationStage[]> {
    return (await this.all(manager)).filter((m) => m.fromStage === from && m.mover === mover).map((m) => m.toStage);
  }
}
