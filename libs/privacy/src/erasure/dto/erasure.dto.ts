import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { ErasureRequestStatus } from '../erasure-request.entity';

registerEnumType(ErasureRequestStatus, {
  name: 'ErasureRequestStatus',
  description: 'Where an erasure request stands',
  valuesMap: {
    PENDING: { description: 'Recorded, not yet executed' },
    EXECUTED: { description: 'The person’s data was erased' },
  },
});

@InputType({ description: 'Delete your own account and personal data; confirmed by your current password' })
export class DeleteMyAccountInput {
  @Field({ description: 'Your current password' }) @IsString() @MaxLength(1024) password: string;
}

@ObjectType('AccountDeletion', { description: 'The outcome of deleting your account: you are signed out everywhere from now on' })
export class AccountDeletionObject {
  @Field({ description: 'When the data was erased' }) erasedAt: Date;
  @Field(() => Int, { description: 'Staff records anonymised (kept for staffing statistics, without your name or contact details)' }) staffRecords: number;
}

@InputType({ description: 'An erasure to record for later execution (admins)' })
export class RequestErasureInput {
  @Field(() => ID, { description: 'The account of the person to erase' }) @IsUUID() userId: string;
  @Field({ description: 'Why, or the reference of the request (a ticket number); 1 to 500 characters, must not name the person' })
  @IsString()
  @MaxLength(500)
  reason: string;
}

@ObjectType('ErasureRequest', { description: 'An erasure recorded by an administrator; kept as proof after it runs (admins)' })
export class ErasureRequestObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The account to erase (anonymised once executed)' }) userId: string;
  @Field({ description: 'Why, or the reference of the request' }) reason: string;
  @Field(() => ErasureRequestStatus, { description: 'Where it stands' }) status: ErasureRequestStatus;
  @Field(() => ID, { nullable: true, description: 'The administrator who recorded it' }) requestedById: string | null;
  @Field({ description: 'When it was recorded' }) requestedAt: Date;
  @Field(() => ID, { nullable: true, description: 'The administrator who executed it' }) executedById: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was executed; null while pending' }) executedAt: Date | null;
}
