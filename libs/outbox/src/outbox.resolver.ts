import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@baton/auth';
import { Connection, PageArgs, paginate } from '@baton/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';
import { registerEnumType } from '@nestjs/graphql';

registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

@ObjectType('OutboxMessage')
export class OutboxMessageObject {
  @Field(() => ID) id: string;
  @Field() recipient: string;
  @Field() template: string;
  @Field() subject: string;
  @Field() body: string;
  @Field(() => OutboxStatus) status: OutboxStatus;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
}

const OutboxConnection = Connection(OutboxMessageObject, 'OutboxMessage');

@Resolver(() => OutboxMessageObject)
export class OutboxResolver {
  constructor(@InjectRepository(OutboxMessageEntity) private readonly messages: Repository<OutboxMessageEntity>) {}

  @Query(() => OutboxConnection, { description: 'Messages Baton sent or will send (admins; the development mailer keeps them here)' })
  @Allow(Permission.OUTBOX_READ)
  async outboxMessages(@Args() page: PageArgs, @Args('recipient', { nullable: true }) recipient?: string) {
    const query = this.messages.createQueryBuilder('m');
    if (recipient) query.where('m.recipient = :recipient', { recipient: recipient.toLowerCase() });
    return paginate(
      query,
      page,
      [
        { column: 'm.createdAt', value: (m) => m.createdAt.toISOString() },
        { column: 'm.id', value: (m) => m.id },
      ],
      (m): OutboxMessageObject => ({
        id: m.id,
        recipient: m.recipient,
        template: m.template,
        subject: m.subject,
        body: m.body,
        status: m.status,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
      }),
    );
  }
}
