import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { ForbiddenError, NotFoundError } from '@baton/core';
import { LoaderRegistry } from '@baton/graphql';
import { DataSource } from 'typeorm';
import { searchViewer } from '../common/talent-viewer';
import { SavedTalentSearchInput, SavedTalentSearchObject } from './dto/saved-search.dto';
import { SavedSearchEntity } from './saved-search.entity';

const toObject = (e: SavedSearchEntity): SavedTalentSearchObject => ({
  id: e.id,
  name: e.name,
  filter: e.filter,
  alertsEnabled: e.alertsEnabled,
  createdAt: e.createdAt,
  lastAlertAt: e.lastAlertAt,
});

/** A recruiter's saved searches, for their organisation. */
@Injectable()
export class SavedSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async save(actor: Actor, input: SavedTalentSearchInput, loaders: LoaderRegistry): Promise<SavedTalentSearchObject> {
    const viewer = await searchViewer(actor, loaders);
    if (viewer.kind !== 'RECRUITER') throw new ForbiddenError('Saved searches belong to a recruiter of an organisation');
    const repository = this.dataSource.getRepository(SavedSearchEntity);
    const saved = await repository.save(
      repository.create({
        recruiterId: actor.userId,
        organisationId: viewer.organisationId,
        name: input.name,
        // Only the filter fields, without class instances, so the job reads back the same input.
        filter: JSON.parse(JSON.stringify(input.filter)),
        alertsEnabled: input.alertsEnabled ?? true,
      }),
    );
    return toObject(saved);
  }

  async mine(actor: Actor): Promise<SavedTalentSearchObject[]> {
    const rows = await this.dataSource.getRepository(SavedSearchEntity).find({ where: { recruiterId: actor.userId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toObject);
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(SavedSearchEntity).delete({ id, recruiterId: actor.userId });
    if (!result.affected) throw new NotFoundError('SavedTalentSearch', id);
    return true;
  }
}
