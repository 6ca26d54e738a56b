import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateScalar } from '@baton/graphql';
import { ShiftStatus } from '../shift.entity';

registerEnumType(ShiftStatus, {
  name: 'ShiftStatus',
  description: 'Where a shift stands',
  valuesMap: {
    DRAFT: { description: 'Being prepared: seen by coordinators only, takes nobody' },
    PUBLISHED: { description: 'Visible to staff; takes assignments' },
    CANCELLED: { description: 'Cancelled: its assignments were cancelled and the people notified' },
  },
});

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('RequiredSkill', { description: 'A skill a shift requires, with the lowest level accepted' })
export class RequiredSkillObject {
  @Field(() => ID, { description: 'The skill of the catalogue' }) skillId: string;
  @Field({ description: 'Skill code' }) code: string;
  @Field({ description: 'Skill name' }) name: string;
  @Field(() => Int, { description: '1 (beginner) to 4 (expert)' }) minLevel: number;
}

@ObjectType('Shift', {
  description:
    'A role to fill at a venue for a team, from a start to an end. Staff of the event see published shifts; coordinators and admins see drafts and cancelled ones too',
})
export class ShiftObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => ID, { description: 'Where it is worked' }) venueId: string;
  @Field(() => ID, { description: 'The team that staffs it' }) teamId: string;
  @Field({ description: 'What the people on it do, e.g. Results operator' }) roleTitle: string;
  @Field({ description: 'Start; the local day at the venue it falls on is its working day' }) startsAt: Date;
  @Field({ description: 'End (after the start, at most 72 hours later)' }) endsAt: Date;
  @Field(() => Int, { description: 'Places, 1 to 500' }) headcount: number;
  @Field(() => Int, { description: 'People with an active (assigned or confirmed) assignment' }) assignedCount: number;
  @Field(() => Int, { description: 'Places still free: headcount minus assignedCount, never below 0' }) openPlaces: number;
  @Field(() => ShiftStatus, { description: 'Draft, published or cancelled' }) status: ShiftStatus;
  @Field(() => String, { nullable: true, description: 'Free notes for the people on it' }) notes: string | null;
}

@InputType({ description: 'A skill a shift requires' })
export class RequiredSkillInput {
  @Field(() => ID, { description: 'A skill of the catalogue, each once per shift' }) @IsUUID() skillId: string;
  @Field(() => Int, { description: 'Lowest level accepted, 1 to 4' }) @IsInt() @Min(1) @Max(4) minLevel: number;
}

@InputType({ description: 'A new shift, created as a draft' })
export class CreateShiftInput {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field(() => ID, { description: 'A venue of the event (within your grant)' }) @IsUUID() venueId: string;
  @Field(() => ID, { description: 'A team of the event (within your grant)' }) @IsUUID() teamId: string;
  @Field({ description: '1 to 120 characters' }) @IsString() @IsNotEmpty() @MaxLength(120) roleTitle: string;
  @Field({ description: 'Start, with its offset' }) @Type(() => Date) @IsDate() startsAt: Date;
  @Field({ description: 'After startsAt, at most 72 hours later' }) @Type(() => Date) @IsDate() endsAt: Date;
  @Field(() => Int, { description: '1 to 500' }) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field(() => [RequiredSkillInput], { nullable: true, description: 'Up to 20 required skills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];
  @Field({ nullable: true, description: 'Free notes, up to 2,000 characters' }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

/** Partial: what is left out stays as it is. */
@InputType({ description: 'Changes to a shift; a field left out keeps its value' })
export class UpdateShiftInput {
  @Field(() => ID, { nullable: true, description: 'Move it to this venue of the event, within your grant (only while nobody is on the shift)' })
  @IsOptional()
  @IsUUID()
  venueId?: string;
  @Field(() => ID, { nullable: true, description: 'Give it to this team of the event (within your grant)' }) @IsOptional() @IsUUID() teamId?: string;
  @Field({ nullable: true, description: '1 to 120 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) roleTitle?: string;
  @Field({ nullable: true, description: 'New start (only while nobody is on the shift)' }) @IsOptional() @Type(() => Date) @IsDate() startsAt?: Date;
  @Field({ nullable: true, description: 'New end, after the start, at most 72 hours later (only while nobody is on the shift)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date;
  @Field(() => Int, { nullable: true, description: '1 to 500, not below the people already on it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  headcount?: number;
  @Field(() => [RequiredSkillInput], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];
  @Field(() => String, { nullable: true, description: 'An empty string or null clears the notes' }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

@InputType({ description: 'One shift per selected local day at the venue, e.g. 07:00-15:00 every day of the Games' })
export class ShiftPatternInput {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field(() => ID, { description: 'A venue of the event (within your grant): its time zone reads the days and times' }) @IsUUID() venueId: string;
  @Field(() => ID, { description: 'A team of the event (within your grant)' }) @IsUUID() teamId: string;
  @Field({ description: '1 to 120 characters' }) @IsString() @IsNotEmpty() @MaxLength(120) roleTitle: string;
  @Field({ description: 'Local time at the venue, HH:mm' }) @Matches(TIME, { message: 'startTime must be HH:mm (00:00 to 23:59)' }) startTime: string;
  @Field({ description: 'Local time at the venue, HH:mm; not after startTime means the next day (overnight)' })
  @Matches(TIME, { message: 'endTime must be HH:mm (00:00 to 23:59)' })
  endTime: string;
  @Field(() => LocalDateScalar, { description: 'First local day at the venue' }) @Matches(DATE) fromDate: string;
  @Field(() => LocalDateScalar, { description: 'Last local day, inclusive; at most 60 days after fromDate' }) @Matches(DATE) toDate: string;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays, 1 (Monday) to 7 (Sunday); all days when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];
  @Field(() => Int, { description: 'Places on each shift, 1 to 500' }) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field(() => [RequiredSkillInput], { nullable: true, description: 'Up to 20 required skills, for every shift' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];
  @Field({ nullable: true, defaultValue: false, description: 'Publish the shifts at once instead of leaving them as drafts' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

@ObjectType('ShiftPatternResult', { description: 'What a pattern created' })
export class ShiftPatternResultObject {
  @Field(() => Int, { description: 'Shifts created' }) count: number;
  @Field(() => [ShiftObject], { description: 'The first 50 shifts created, by start' }) shifts: ShiftObject[];
}

@InputType({ description: 'Narrows a list of shifts; every field given must match, an empty list filters nothing' })
export class ShiftFilterInput {
  @Field(() => [ID], { nullable: true, description: 'At one of these venues (up to 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  venueIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Of one of these teams (up to 100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teamIds?: string[];
  @Field({ nullable: true, description: 'Shifts still running at or after this instant; with understaffedOnly, now when left out' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;
  @Field({ nullable: true, description: 'Shifts starting before this instant' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @Field(() => [ShiftStatus], { nullable: true, description: 'In one of these statuses (staff see PUBLISHED only, whatever they ask)' })
  @IsOptional()
  @IsArray()
  @IsEnum(ShiftStatus, { each: true })
  statuses?: ShiftStatus[];
  @Field({
    nullable: true,
    description:
      'Only shifts with open places that can still be filled: not cancelled, and still running or upcoming (from defaults to now; pass an earlier from to see past ones). Soonest start first, like the whole list.',
  })
  @IsOptional()
  @IsBoolean()
  understaffedOnly?: boolean;
}

@ArgsType()
export class PublishShiftsArgs {
  @Field(() => [ID], { description: '1 to 500 draft shifts, all within your grant' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids: string[];
}
