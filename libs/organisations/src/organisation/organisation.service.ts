import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PageArgs, paginate } from '@baton/graphql';
import { DataSource } from 'typeorm';
import { CreateOrganisationInput, OrganisationObject, UpdateOrganisationInput } from './organisation.dto';
import { OrganisationEntity, OrganisationKind } from './organisation.entity';

export const toOrganisationObject = (o: OrganisationEntity): OrganisationObject => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, website: o.website });

@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  list(page: PageArgs, kind?: OrganisationKind) {
    const query = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (kind) query.where('o.kind = :kind', { kind });
    return paginate(
      query,
      page,
      [
        { column: 'o.code', value: (o) => o.code },
        { column: 'o.id', value: (o) => o.id },
      ],
      toOrganisationObject,
    );
  }

  async get(id: string): Promise<OrganisationObject> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!organisation) throw new NotFoundError('Organisation', id);
    return toOrganisationObject(organisation);
  }

  create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationObject> {
    return this.transactions.run(async ({ manager }) => {
      const organisation = await manager
        .getRepository(OrganisationEntity)
        .save(manager.getRepository(OrganisationEntity).create({ ...input, website: input.website ?? null }));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        after: { ...input },
      });
      return toOrganisationObject(organisation);
    });
  }

  update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<OrganisationObject> {
    const changes = updateChanges(input, ['website']); // null removes the website
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(OrganisationEntity);
      const organisation = await repository.findOneBy({ id });
      if (!organisation) throw new NotFoundError('Organisation', id);
      const before = toOrganisationObject(organisation);
      Object.assign(organisation, changes);
      const after = toOrganisationObject(await repository.save(organisation));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }
}
