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

@InputType()
export class CreateStaffMemberInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() homeVenueId?: string | null;
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) displayName: string;
  @Field(() => String, { nullable: true })
  @Transform(lowerEmail)
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid address' })
  @MaxLength(254)
  email?: string | null;
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be digits, spaces, dashes, dots or brackets, optionally after a +' })
  phone?: string | null;
  @Field(() => EmploymentType) @IsEnum(EmploymentType) employmentType: EmploymentType;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. ["fr", "en"]' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LANGUAGE, { each: true, message: 'languages are 2-letter lower-case ISO 639-1 codes' })
  languages?: string[];
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(ZONE, { each: true, message: 'accreditationZones are 1 to 16 capitals, digits or dashes' })
  accreditationZones?: string[];
  @Field(() => AccreditationStatus, { nullable: true }) @IsOptional() @IsEnum(AccreditationStatus) accreditationStatus?: AccreditationStatus;
  @Field(() => String, { nullable: true }) @Transform(trim) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) externalRef?: string | null;
}

/**
 * Partial: an absent field is left as it is; null clears an optional one (the service refuses
 * null for the required ones). Derived from the create input so both keep the same validation.
 */
@InputType()
export class UpdateStaffMemberInput extends PartialType(OmitType(CreateStaffMemberInput, ['eventId'] as const)) {}

/** Checked again by the service: Nest's pipe does not validate a list argument's items. */
@InputType()
export class StaffSkillInput {
  @Field(() => ID) @IsUUID() skillId: string;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) @IsInt() @Min(1) @Max(4) level: number;
}

@InputType()
export class StaffMemberFilter {
  @Field({ nullable: true, description: 'Part of the name; small typos are forgiven' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) teamIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) venueIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) organisationIds?: string[];
  @Field(() => [EmploymentType], { nullable: true }) @IsOptional() @IsArray() @IsEnum(EmploymentType, { each: true }) employmentTypes?: EmploymentType[];
  @Field(() => [ID], { nullable: true, description: 'People who have every one of these skills' })
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
