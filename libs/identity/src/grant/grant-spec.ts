import { Field, ID, InputType } from '@nestjs/graphql';
import { Actor, Role } from '@baton/auth';
import { BadInputError, ForbiddenError } from '@baton/core';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { IdentityPermission } from '../identity.permissions';

@InputType({ description: 'A role and where it applies' })
export class GrantInput {
  @Field(() => Role, { description: 'The role given' }) @IsEnum(Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'Required for COORDINATOR and STAFF' }) @IsOptional() @IsUUID() eventId?: string;
  @Field(() => ID, { nullable: true, description: 'Required for RECRUITER' }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => [ID], { nullable: true, description: 'COORDINATOR only: limit to these venues of the event (up to 100); left out means all of them' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  venueIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'COORDINATOR only: limit to these teams of the event (up to 100); left out means all of them' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(100)
  teamIds?: string[];
}

export interface GrantSpec {
  role: Role;
  eventId: string | null;
  organisationId: string | null;
  venueIds: string[];
  teamIds: string[];
}

/** The friendly version of role_grants_scope_check: names the missing or extra field. */
export function normaliseGrant(input: GrantInput, field = 'role'): GrantSpec {
  const spec: GrantSpec = {
    role: input.role,
    eventId: input.eventId ?? null,
    organisationId: input.organisationId ?? null,
    venueIds: [...new Set(input.venueIds ?? [])],
    teamIds: [...new Set(input.teamIds ?? [])],
  };
  const needsEvent = spec.role === Role.COORDINATOR || spec.role === Role.STAFF;
  if (needsEvent && !spec.eventId) throw BadInputError.field(`${field}.eventId`, `${spec.role} needs an event`, 'required');
  if (!needsEvent && spec.eventId) throw BadInputError.field(`${field}.eventId`, `${spec.role} is not tied to an event`, 'forbidden');
  if (spec.role === Role.RECRUITER && !spec.organisationId) throw BadInputError.field(`${field}.organisationId`, 'RECRUITER needs an organisation', 'required');
  if (spec.role !== Role.RECRUITER && spec.organisationId)
    throw BadInputError.field(`${field}.organisationId`, `${spec.role} is not tied to an organisation`, 'forbidden');
  if (spec.role !== Role.COORDINATOR && (spec.venueIds.length || spec.teamIds.length))
    throw BadInputError.field(`${field}.venueIds`, 'Only coordinators are limited to venues or teams', 'forbidden');
  return spec;
}

/**
 * Admins may grant anything. A coordinator may only bring in staff for an event they
 * coordinate: nobody hands out more than they hold.
 */
export function assertMayGrant(actor: Actor, spec: GrantSpec): void {
  if (actor.isAdmin) return;
  const coordinates = actor.grants.some((g) => g.role === Role.COORDINATOR && g.eventId === spec.eventId);
  if (spec.role === Role.STAFF && coordinates && actor.can(IdentityPermission.USERS_INVITE)) return;
  throw new ForbiddenError('You may only invite staff to an event you coordinate', { role: spec.role, eventId: spec.eventId });
}
