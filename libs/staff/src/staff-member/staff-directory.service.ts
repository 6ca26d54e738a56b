import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { NotFoundError } from '@baton/core';
import { PageArgs, paginate } from '@baton/graphql';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { StaffMemberObject } from './dto/staff-member.object';
import { StaffMemberFilter } from './dto/staff-member.input';
import { StaffMemberEntity } from './staff-member.entity';
import { toStaffMemberObject } from './staff-member.mapper';
import { StaffScopeService } from './staff-scope.service';
import { StaffPermission } from '../staff.permissions';

/** Reading staff members: the event directory, one record, one's own records. */
@Injectable()
export class StaffDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly scope: StaffScopeService,
  ) {}

  async list(actor: Actor, eventId: string, filter: StaffMemberFilter = {}, page: PageArgs = {}) {
    this.access.assertEvent(actor, StaffPermission.STAFF_READ, eventId);
    // One scope for the whole page: contact visibility is then decided per row without a query.
    const grants = this.scope.grantScopes(actor, eventId);
    const query = this.dataSource.getRepository(StaffMemberEntity).createQueryBuilder('s').where('s.eventId = :eventId', { eventId });
    applyFilter(query, filter);
    return paginate(
      query,
      page,
      [
        { column: 's.displayName', value: (s) => s.displayName },
        { column: 's.id', value: (s) => s.id },
      ],
      (s) => toStaffMemberObject(s, this.scope.showContact(actor, s, grants)),
    );
  }

  async get(actor: Actor, id: string): Promise<StaffMemberObject> {
    const member = await this.dataSource.getRepository(StaffMemberEntity).findOneBy({ id });
    // Out of scope reads as not found, like events: the id is not confirmed.
    if (!member || !this.scope.canReadDirectory(actor, member.eventId)) throw new NotFoundError('StaffMember', id);
    return toStaffMemberObject(member, this.scope.showContact(actor, member));
  }

  /** The records whose account is the actor's, newest first (one per event they worked). */
  async mine(actor: Actor): Promise<StaffMemberObject[]> {
    const members = await this.dataSource.getRepository(StaffMemberEntity).find({ where: { userId: actor.userId }, order: { createdAt: 'DESC' } });
    return members.map((m) => toStaffMemberObject(m, true));
  }
}

function applyFilter(query: SelectQueryBuilder<StaffMemberEntity>, filter: StaffMemberFilter): void {
  if (filter.search) {
    // ILIKE finds any part of the name; word similarity (<%) forgives a small typo. Both use
    // the GIN trigram index on display_name.
    query.andWhere('(s.displayName ILIKE :pattern OR :search <% s.displayName)', {
      pattern: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`,
      search: filter.search,
    });
  }
  // An empty list filters nothing out (as if absent), rather than matching nobody.
  if (filter.teamIds?.length) query.andWhere('s.teamId IN (:...teamIds)', { teamIds: filter.teamIds });
  if (filter.venueIds?.length) query.andWhere('s.homeVenueId IN (:...venueIds)', { venueIds: filter.venueIds });
  if (filter.organisationIds?.length) query.andWhere('s.organisationId IN (:...organisationIds)', { organisationIds: filter.organisationIds });
  if (filter.employmentTypes?.length) query.andWhere('s.employmentType IN (:...employmentTypes)', { employmentTypes: filter.employmentTypes });
  const skillIds = [...new Set(filter.skillIds ?? [])];
  if (skillIds.length) {
    // Has all of them: as many matching rows as skills asked for (the key is (member, skill)).
    query.andWhere(
      `(SELECT count(*) FROM staff_member_skills k WHERE k.staff_member_id = s.id AND k.skill_id IN (:...skillIds) AND k.level >= :minLevel) = :skillCount`,
      { skillIds, minLevel: filter.minLevel ?? 1, skillCount: skillIds.length },
    );
  }
}
