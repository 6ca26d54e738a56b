import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CancellationNotice', { description: 'A person of the cancelled shift who was sent a message' })
export class CancellationNoticeObject {
  @Field(() => ID, { description: 'The staff member whose assignment was cancelled' }) staffMemberId: string;
  @Field({ description: 'Their name, as in the staff directory' }) displayName: string;
}

@ObjectType('UnnotifiedPerson', {
  description: 'A person of the cancelled shift who has neither an email nor an account, so no message could be sent: call them',
})
export class UnnotifiedPersonObject {
  @Field(() => ID, { description: 'The staff member whose assignment was cancelled' }) staffMemberId: string;
  @Field({ description: 'Their name, as in the staff directory' }) displayName: string;
  @Field(() => String, {
    nullable: true,
    description: 'Their phone number, only when you may see their contact details (and they have one); otherwise null',
  })
  phone: string | null;
}

@ObjectType('ShiftCancellation', { description: 'What cancelling a shift did, and whom it could not tell' })
export class ShiftCancellationObject {
  @Field(() => ID, { description: 'The cancelled shift' }) shiftId: string;
  @Field(() => Int, { description: 'Active assignments cancelled' }) cancelledAssignments: number;
  @Field(() => [CancellationNoticeObject], { description: 'People sent a cancellation message (through the outbox), by name' })
  notified: CancellationNoticeObject[];
  @Field(() => [UnnotifiedPersonObject], { description: 'People who could not be sent any message, by name: tell them another way' })
  notNotified: UnnotifiedPersonObject[];
}
