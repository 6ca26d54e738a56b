import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@baton/auth';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands',
  valuesMap: {
    PENDING: { description: 'Sent, not yet accepted, still valid' },
    ACCEPTED: { description: 'Accepted (or given at once to someone who already had an account)' },
    REVOKED: { description: 'Withdrawn before it was accepted' },
    EXPIRED: { description: 'Not accepted in time' },
  },
});

@ObjectType('Invitation', { description: 'An invitation to join with a role; seen by admins and by coordinators for their events' })
export class InvitationObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Who is invited, lower case' }) email: string;
  @Field({ description: 'The name the inviter typed' }) displayName: string;
  @Field(() => Role, { description: 'The role the invitation grants' }) role: Role;
  @Field(() => ID, { nullable: true, description: 'The event of the role, for COORDINATOR and STAFF' }) eventId: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation of the role, for RECRUITER' }) organisationId: string | null;
  @Field(() => [ID], { description: 'COORDINATOR: the venues the grant is limited to; empty means all' }) venueIds: string[];
  @Field(() => [ID], { description: 'COORDINATOR: the teams the grant is limited to; empty means all' }) teamIds: string[];
  @Field(() => InvitationStatus, { description: 'Pending, accepted, revoked or expired' }) status: InvitationStatus;
  @Field({ description: 'When the token stops working' }) expiresAt: Date;
  @Field({ description: 'When it was sent' }) createdAt: Date;
  @Field(() => ID, { description: 'The account that sent it' }) invitedById: string;
}
