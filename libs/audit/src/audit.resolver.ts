import { Args, Field, ID, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Allow, Permission } from '@baton/auth';
import { Connection, PageArgs, paginate } from '@baton/graphql';
import { IsDate, IsOptional, IsString, IsUUID } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

@ObjectType('AuditEntry')
export class AuditEntryObject {
  @Field(() => ID) id: string;
  @Field() occurredAt: Date;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field() action: string;
  @Field() entityType: string;
  @Field(() => ID, { nullable: true }) entityId: string | null;
  @Field(() => ID, { nullable: true }) eventId: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@InputType()
export class AuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() actorUserId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() entityType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() entityId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() eventId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() action?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() to?: Date;
}

const AuditConnection = Connection(AuditEntryObject, 'AuditEntry');

@Resolver(() => AuditEntryObject)
export class AuditResolver {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  @Query(() => AuditConnection, { description: 'Who changed what and when, oldest first (admins)' })
  @Allow(Permission.AUDIT_READ)
  async auditLog(@Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: AuditFilter) {
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
