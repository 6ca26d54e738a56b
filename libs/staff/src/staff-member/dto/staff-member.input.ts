import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AccreditationStatus, EmploymentType } from '../staff-member.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
// Emails are kept lower-cased (a CHECK constraint insists), so two spellings are one address.
const lowerEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export const LANGUAGE = /^[a-z]{2}$/;
export const ZONE = /^[A-Z0-9-]{1,16}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{3,30}$/;

@InputType({ description: 'A new staff record in an event (coordinators: within their venues and teams)' })
export class CreateStaffMemberInput {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field(() => ID, { description: 'The employer or programme' }) @IsUUID() organisationId: string;
  @Field(() => ID, { nullable: true, description: 'A team of the same event' }) @IsOptional() @IsUUID() teamId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A venue of the same event; left out for a roving person' }) @IsOptional() @IsUUID() homeVenueId?:
    string | null;
  @Field({ description: 'Name shown on rosters, 1 to 200 characters (trimmed)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;
  @Field(() => String, { nullable: true, description: 'Work email, stored lower case; personal data (see StaffMember.contact)' })
  @Transform(lowerEmail)
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid address' })
  @MaxLength(254)
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'Phone: digits, spaces, dashes, dots or brackets, optionally after a +; personal data' })
  @Transform(trim)
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be digits, spaces, dashes, dots or brackets, optionally after a +' })
  phone?: string | null;
  @Field(() => EmploymentType, { description: 'Employee, contractor or volunteer: decides the working-time rules' })
  @IsEnum(EmploymentType)
  employmentType: EmploymentType;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["fr", "en"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LANGUAGE, { each: true, message: 'languages are 2-letter lower-case ISO 639-1 codes' })
  languages?: string[];
  @Field(() => [String], { nullable: true, description: 'Accreditation zones: up to 50, each 1 to 16 capitals, digits or dashes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ZONE, { each: true, message: 'accreditationZones are 1 to 16 capitals, digits or dashes' })
  accreditationZones?: string[];
  @Field(() => AccreditationStatus, { nullable: true, description: 'Default PENDING' })
  @IsOptional()
  @IsEnum(AccreditationStatus)
  accreditationStatus?: AccreditationStatus;
  @Field(() => String, { nullable: true, description: "Key in the partner's own files, 1 to 100 characters, unique in the event" })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  externalRef?: string | null;
}

/**
 * Partial: an absent field is left as it is; null clears an optional one (the service refuses
 * null for the required ones). Derived from the create input so both keep the same validation.
 */
@InputType({ description: 'Changes to a staff record: a field left out stays, null clears an optional one' })
export class UpdateStaffMemberInput extends PartialType(OmitType(CreateStaffMemberInput, ['eventId'] as const)) {}

/** Checked again by the service: Nest's pipe does not validate a list argument's items. */
@InputType({ description: 'A skill and the level held' })
export class StaffSkillInput {
  @Field(() => ID, { description: 'A skill of the catalogue' }) @IsUUID() skillId: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) @IsInt() @Min(1) @Max(4) level: number;
}

@InputType({ description: 'Narrows the staff directory; every field given must match, an empty list filters nothing' })
export class StaffMemberFilter {
  @Field({ nullable: true, description: 'Part of the name, up to 100 characters; small typos are forgiven' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @Field(() => [ID], { nullable: true, description: 'In one of these teams (up to 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'With one of these home venues (up to 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  venueIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'From one of these organisations (up to 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  organisationIds?: string[];
  @Field(() => [EmploymentType], { nullable: true, description: 'Of one of these employment types' })
  @IsOptional()
  @IsArray()
  @IsEnum(EmploymentType, { each: true })
  employmentTypes?: EmploymentType[];
  @Field(() => [ID], { nullable: true, description: 'People who have every one of these skills (up to 20)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  skillIds?: string[];
  @Field(() => Int, { nullable: true, description: 'With skillIds: the lowest level accepted for each' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  minLevel?: number;
}
