import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OrganisationObject } from './organisation.dto';
import { OrganisationEntity } from './organisation.entity';
import { toOrganisationObject } from './organisation.service';
import { OrganisationsPermission } from '../organisations.permissions';

/** Organisations by id for graph edges: null unless the viewer may read organisations at all. */
@Injectable()
export class OrganisationLoader implements LoaderFactory<string, OrganisationObject | null> {
  constructor(private readonly dataSource: DataSource) {}

  create(actor: Actor | undefined): DataLoader<string, OrganisationObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      if (!actor?.can(OrganisationsPermission.ORGANISATIONS_READ)) return ids.map(() => null);
      const rows = await this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
      return pickInto(ids, rows.map(toOrganisationObject), (o) => o.id);
    });
  }
}
