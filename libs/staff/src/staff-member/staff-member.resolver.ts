import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthPermission, Actor, Allow, CurrentActor } from '@baton/auth';
import { Connection, LoaderRegistry, Loaders, PageArgs, ParseIdPipe } from '@baton/graphql';
import { IdentityPermission, InvitationObject } from '@baton/identity';
import { StaffMemberObject, StaffMemberSkillObject } from './dto/staff-member.object';
import { CreateStaffMemberInput, StaffMemberFilter, StaffSkillInput, UpdateStaffMemberInput } from './dto/staff-member.input';
import { StaffDirectoryService } from './staff-directory.service';
import { StaffInvitationService } from './staff-invitation.service';
import { StaffMemberService } from './staff-member.service';
import { StaffSkillsLoader } from './staff-skills.loader';
import { StaffPermission } from '../staff.permissions';

const StaffMemberConnection = Connection(StaffMemberObject, 'StaffMember');

@Resolver(() => StaffMemberObject)
export class StaffMemberResolver {
  constructor(
    private readonly directory: StaffDirectoryService,
    private readonly members: StaffMemberService,
    private readonly staffInvitations: StaffInvitationService,
  ) {}

  @Query(() => StaffMemberConnection, { description: 'The staff directory of an event, by name; contact details only for those in your scope' })
  @Allow(StaffPermission.STAFF_READ)
  staffMembers(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event; FORBIDDEN outside your grants' }, ParseIdPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => StaffMemberFilter, nullable: true, description: 'Only the people who match' }) filter?: StaffMemberFilter,
  ) {
    return this.directory.list(actor, eventId, filter, page);
  }

  @Query(() => StaffMemberObject, { description: 'One staff record; NOT_FOUND outside the events whose directory you may read' })
  @Allow(StaffPermission.STAFF_READ)
  staffMember(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The staff record' }, ParseIdPipe) id: string) {
    return this.directory.get(actor, id);
  }

  @Query(() => [StaffMemberObject], { description: 'Your own staff records, one per event you work or worked' })
  @Allow(AuthPermission.AUTHENTICATED)
  myStaffProfiles(@CurrentActor() actor: Actor) {
    return this.directory.mine(actor);
  }

  @Mutation(() => StaffMemberObject, { description: 'A new staff record (coordinators: within their venues and teams); audited without contact values' })
  @Allow(StaffPermission.STAFF_MANAGE)
  createStaffMember(@CurrentActor() actor: Actor, @Args('input', { description: 'The person' }) input: CreateStaffMemberInput) {
    return this.members.create(actor, input);
  }

  @Mutation(() => StaffMemberObject, { description: 'Change some fields; absent fields stay, null clears an optional one' })
  @Allow(StaffPermission.STAFF_MANAGE)
  updateStaffMember(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The staff record' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateStaffMemberInput,
  ) {
    return this.members.update(actor, id, input);
  }

  @Mutation(() => StaffMemberObject, { description: 'Replace the skills of a staff member with this set' })
  @Allow(StaffPermission.STAFF_MANAGE)
  setStaffSkills(
    @CurrentActor() actor: Actor,
    @Args('staffMemberId', { type: () => ID, description: 'The staff record' }, ParseIdPipe) staffMemberId: string,
    @Args('skills', { type: () => [StaffSkillInput], description: 'The whole new set, each skill once; empty clears it' }) skills: StaffSkillInput[],
  ) {
    return this.members.setSkills(actor, staffMemberId, skills);
  }

  @Mutation(() => StaffMemberObject, { description: 'Tie a staff record to an account (admins)' })
  @Allow(StaffPermission.STAFF_MANAGE)
  linkStaffMemberUser(
    @CurrentActor() actor: Actor,
    @Args('staffMemberId', { type: () => ID, description: 'The staff record' }, ParseIdPipe) staffMemberId: string,
    @Args('userId', { type: () => ID, description: 'The account (one staff record per account and event)' }, ParseIdPipe) userId: string,
  ) {
    return this.members.linkUser(actor, staffMemberId, userId);
  }

  @Mutation(() => InvitationObject, {
    description:
      "Invite a staff member from their record: a STAFF invitation for the record's event goes to its contact email, and accepting it links " +
      'the record to the account (an existing account of that email is granted and linked at once, status ACCEPTED). Coordinators may invite ' +
      'the staff they manage; a new invitation replaces a pending one. Refused for a record without an email or already linked.',
  })
  @Allow(IdentityPermission.USERS_INVITE)
  inviteStaffMember(
    @CurrentActor() actor: Actor,
    @Args('staffMemberId', { type: () => ID, description: 'The staff record to invite' }, ParseIdPipe) staffMemberId: string,
  ) {
    return this.staffInvitations.invite(actor, staffMemberId);
  }

  @ResolveField(() => [StaffMemberSkillObject], { description: 'By skill code' })
  skills(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(StaffSkillsLoader).load(member.id);
  }
}
