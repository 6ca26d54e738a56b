import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { LoaderFactory, pickInto } from '@baton/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { StaffMemberObject } from '../staff-member/dto/staff-member.object';
import { StaffMemberEntity } from '../staff-member/staff-member.entity';
import { toStaffMemberObject } from '../staff-member/staff-member.mapper';
import { StaffScopeService } from '../staff-member/staff-scope.service';

/**
 * Staff members by id for graph edges, under the rules of `staffMember(id)` and
 * `myStaffProfiles`: the record is seen by those who may read the event's directory and by the
 * person themself; contact details only where `contact` would show them.
 */
@Injectable()
export class StaffMemberLoader implements LoaderFactory<string, StaffMemberObject | null> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: StaffScopeService,
  ) {}

  create(actor: Actor | undefined): DataLoader<string, StaffMemberObject | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      if (!actor) return ids.map(() => null);
      const rows = await this.dataSource.getRepository(StaffMemberEntity).findBy({ id: In([...ids]) });
      const grants = new Map<string, ReturnType<StaffScopeService['grantScopes']>>();
      const visible = rows.flatMap((member) => {
        const own = member.userId !== null && member.userId === actor.userId;
        if (!own && !this.scope.canReadDirectory(actor, member.eventId)) return [];
        if (!grants.has(member.eventId)) grants.set(member.eventId, this.scope.grantScopes(actor, member.eventId));
        return [toStaffMemberObject(member, this.scope.showContact(actor, member, grants.get(member.eventId)))];
      });
      return pickInto(ids, visible, (m) => m.id);
    });
  }
}
