import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@baton/auth';
import { UserStatus } from './user.entity';

registerEnumType(Role, { name: 'Role' });
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType('RoleGrant')
export class RoleGrantObject {
  @Field(() => ID) id: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true }) eventId: string | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => [ID], { description: 'Venues the grant is limited to; empty means all venues of the event' }) venueIds: string[];
  @Field(() => [ID], { description: 'Teams the grant is limited to; empty means all teams of the event' }) teamIds: string[];
}

@ObjectType('User')
export class UserObject {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => UserStatus) status: UserStatus;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => [RoleGrantObject]) roles: RoleGrantObject[];
}
