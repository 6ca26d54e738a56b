import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@baton/auth';
import { UserStatus } from './user.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'A bundle of permissions; the grant says where it applies',
  valuesMap: {
    ADMIN: { description: 'Organising committee technology HR: everything, every event' },
    COORDINATOR: { description: 'Runs the roster of one event, optionally limited to some venues and teams' },
    STAFF: { description: 'Works one event: own shifts, availability, check-in, sign-up' },
    ALUMNUS: { description: 'After the Games: the alumni network' },
    RECRUITER: { description: 'A partner recruiter, for one organisation' },
  },
});
registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'Whether an account may sign in',
  valuesMap: {
    ACTIVE: { description: 'May sign in' },
    INVITED: { description: 'Invited, no password chosen yet' },
    DISABLED: { description: 'Disabled by an admin: every session ended' },
  },
});

@ObjectType('RoleGrant', { description: 'One role a person holds, and where it applies' })
export class RoleGrantObject {
  @Field(() => ID, { description: 'Stable identifier (revokeRole takes it)' }) id: string;
  @Field(() => Role, { description: 'The role' }) role: Role;
  @Field(() => ID, { nullable: true, description: 'The event, for COORDINATOR and STAFF' }) eventId: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation, for RECRUITER' }) organisationId: string | null;
  @Field(() => [ID], { description: 'Venues the grant is limited to; empty means all venues of the event' }) venueIds: string[];
  @Field(() => [ID], { description: 'Teams the grant is limited to; empty means all teams of the event' }) teamIds: string[];
}

@ObjectType('User', { description: 'An account. Personal data: seen by admins (users, user) and by its owner (me)' })
export class UserObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Sign-in email, lower case' }) email: string;
  @Field({ description: 'Name shown to others' }) displayName: string;
  @Field(() => UserStatus, { description: 'Whether the account may sign in' }) status: UserStatus;
  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null if never' }) lastLoginAt: Date | null;
  @Field({ description: 'When the account was created' }) createdAt: Date;
  @Field(() => [RoleGrantObject], { description: 'Every role held, oldest first' }) roles: RoleGrantObject[];
}
