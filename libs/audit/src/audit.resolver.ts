import { Args, Field, ID, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Allow } from '@baton/auth';
import { Connection, PageArgs, paginate } from '@baton/graphql';
import { IsDate, IsOptional, IsString, IsUUID } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditPermission } from './audit.permissions';

@ObjectType('AuditEntry', {
  description: 'One change to a roster, to reference data or to personal data: who, what, when (admins). Contact details are never copied here',
})
export class AuditEntryObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'When the change was committed' }) occurredAt: Date;
  @Field(() => ID, { nullable: true, description: 'The account that acted; null for the system itself (sweeps, jobs)' }) actorUserId: string | null;
  @Field({ description: 'What happened, as entity.verb, e.g. assignment.created, staff_member.updated' }) action: string;
  @Field({ description: 'Kind of record changed, e.g. assignment, shift, staff_member' }) entityType: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The record changed, of entityType (no edge: it may be of any type, or deleted since)',
  })
  entityId: string | null;
  @Field(() => ID, { nullable: true, description: 'The event the record belongs to, if any' }) eventId: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The audited fields before the change; null for a creation' }) before: Record<
    string,
    unknown
  > | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The audited fields after the change; null for a deletion' }) after: Record<
    string,
    unknown
  > | null;
  @Field(() => String, { nullable: true, description: 'The reason given (an override, a cancellation), if any' }) reason: string | null;
}

@InputType({ description: 'Narrows the audit log; every field given must match' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Changes made by this account' }) @IsOptional() @IsUUID() actorUserId?: string;
  @Field({ nullable: true, description: 'Changes to this kind of record, e.g. assignment' }) @IsOptional() @IsString() entityType?: string;
  @Field(() => ID, { nullable: true, description: 'Changes to this record' }) @IsOptional() @IsUUID() entityId?: string;
  @Field(() => ID, { nullable: true, description: 'Changes in this event' }) @IsOptional() @IsUUID() eventId?: string;
  @Field({ nullable: true, description: 'This action exactly, e.g. assignment.created_with_override' }) @IsOptional() @IsString() action?: string;
  @Field({ nullable: true, description: 'Changes at or after this instant' }) @IsOptional() @IsDate() from?: Date;
  @Field({ nullable: true, description: 'Changes before this instant' }) @IsOptional() @IsDate() to?: Date;
}

const AuditConnection = Connection(AuditEntryObject, 'AuditEntry');

@Resolver(() => AuditEntryObject)
export class AuditResolver {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  @Query(() => AuditConnection, { description: 'Who changed what and when, oldest first (admins)' })
  @Allow(AuditPermission.AUDIT_READ)
  async auditLog(@Args() page: PageArgs, @Args('filter', { nullable: true, description: 'Only the changes that match' }) filter?: AuditFilter) {
    const query = this.entries.createQueryBuilder('a');
    const f = filter ?? {};
    if (f.actorUserId) query.andWhere('a.actorUserId = :actor', { actor: f.actorUserId });
    if (f.entityType) query.andWhere('a.entityType = :type', { type: f.entityType });
    if (f.entityId) query.andWhere('a.entityId = :entity', { entity: f.entityId });
    if (f.eventId) query.andWhere('a.eventId = :event', { event: f.eventId });
    if (f.action) query.andWhere('a.action = :action', { action: f.action });
    if (f.from) query.andWhere('a.occurredAt >= :from', { from: f.from });
    if (f.to) query.andWhere('a.occurredAt < :to', { to: f.to });
    return paginate(
      query,
      page,
      [
        { column: 'a.occurredAt', value: (a) => a.occurredAt.toISOString() },
        { column: 'a.id', value: (a) => a.id },
      ],
      (a): AuditEntryObject => ({ ...a }),
    );
  }
}
