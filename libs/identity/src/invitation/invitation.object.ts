import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@baton/auth';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

@ObjectType('Invitation')
export class InvitationObject {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) eventId: string | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => [ID]) venueIds: string[];
  @Field(() => [ID]) teamIds: string[];
  @Field(() => InvitationStatus) status: InvitationStatus;
  @Field() expiresAt: Date;
  @Field() createdAt: Date;
  @Field(() => ID) invitedById: string;
}
