import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@baton/auth';
import { Connection, PageArgs, paginate } from '@baton/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';
import { registerEnumType } from '@nestjs/graphql';
import { OutboxPermission } from './outbox.permissions';

registerEnumType(OutboxStatus, {
  name: 'OutboxStatus',
  description: 'Where a message is on its way out',
  valuesMap: {
    PENDING: { description: 'Committed, waiting for the delivery worker (every 2 s)' },
    SENT: { description: 'Handed to the transport' },
    FAILED: { description: 'Delivery gave up after its retries' },
  },
});

@ObjectType('OutboxMessage', { description: 'A message Baton sends (email), written in the same transaction as the change it reports (admins)' })
export class OutboxMessageObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Email address, lower case' }) recipient: string;
  @Field({ description: 'Which message this is, e.g. invitation, password-reset, shift-cancelled' }) template: string;
  @Field({ description: 'Subject line' }) subject: string;
  @Field({ description: 'Plain-text body' }) body: string;
  @Field(() => OutboxStatus, { description: 'Pending, sent or failed' }) status: OutboxStatus;
  @Field({ description: 'When it was written (with the change it reports)' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was handed to the transport; null until then' }) sentAt: Date | null;
}

const OutboxConnection = Connection(OutboxMessageObject, 'OutboxMessage');

@Resolver(() => OutboxMessageObject)
export class OutboxResolver {
  constructor(@InjectRepository(OutboxMessageEntity) private readonly messages: Repository<OutboxMessageEntity>) {}

  @Query(() => OutboxConnection, { description: 'Messages Baton sent or will send (admins; the development mailer keeps them here)' })
  @Allow(OutboxPermission.OUTBOX_READ)
  async outboxMessages(
    @Args() page: PageArgs,
    @Args('recipient', { nullable: true, description: 'Only messages to this address (any case)' }) recipient?: string,
  ) {
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
