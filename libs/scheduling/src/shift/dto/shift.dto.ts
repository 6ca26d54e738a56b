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

registerEnumType(ShiftStatus, { name: 'ShiftStatus' });

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('RequiredSkill')
export class RequiredSkillObject {
  @Field(() => ID) skillId: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => Int, { description: '1 (beginner) to 4 (expert)' }) minLevel: number;
}

@ObjectType('Shift')
export class ShiftObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) venueId: string;
  @Field(() => ID) teamId: string;
  @Field() roleTitle: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) headcount: number;
  @Field(() => Int, { description: 'People with an active (assigned or confirmed) assignment' }) assignedCount: number;
  @Field(() => Int, { description: 'headcount minus assignedCount' }) openPlaces: number;
  @Field(() => ShiftStatus) status: ShiftStatus;
  @Field(() => String, { nullable: true }) notes: string | null;
}

@InputType()
export class RequiredSkillInput {
  @Field(() => ID) @IsUUID() skillId: string;
  @Field(() => Int, { description: '1 to 4' }) @IsInt() @Min(1) @Max(4) minLevel: number;
}

@InputType()
export class CreateShiftInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => ID) @IsUUID() venueId: string;
  @Field(() => ID) @IsUUID() teamId: string;
  @Field({ description: '1 to 120 characters' }) @IsString() @IsNotEmpty() @MaxLength(120) roleTitle: string;
  @Field() @Type(() => Date) @IsDate() startsAt: Date;
  @Field({ description: 'After startsAt, at most 72 hours later' }) @Type(() => Date) @IsDate() endsAt: Date;
  @Field(() => Int, { description: '1 to 500' }) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field(() => [RequiredSkillInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

/** Partial: what is left out stays as it is. */
@InputType()
export class UpdateShiftInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() venueId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(120) roleTitle?: string;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() startsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @Type(() => Date) @IsDate() endsAt?: Date;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(500) headcount?: number;
  @Field(() => [RequiredSkillInput], { nullable: true, description: 'Replaces the whole list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequiredSkillInput)
  requiredSkills?: RequiredSkillInput[];
  @Field(() => String, { nullable: true, description: 'An empty string clears the notes' }) @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

@InputType({ description: 'One shift per selected local day at the venue, e.g. 07:00-15:00 every day of the Games' })
export class ShiftPatternInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field(() => ID) @IsUUID() venueId: string;
  @Field(() => ID) @IsUUID() teamId: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(120) roleTitle: string;
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
  @Field(() => Int) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field(() => [RequiredSkillInput], { nullable: true })
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

@ObjectType('ShiftPatternResult')
export class ShiftPatternResultObject {
  @Field(() => Int) count: number;
  @Field(() => [ShiftObject], { description: 'The first 50 shifts created, by start' }) shifts: ShiftObject[];
}

@InputType()
export class ShiftFilterInput {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) venueIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) teamIds?: string[];
  @Field({ nullable: true, description: 'Shifts still running at or after this instant' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @Field({ nullable: true, description: 'Shifts starting before this instant' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @Field(() => [ShiftStatus], { nullable: true }) @IsOptional() @IsArray() @IsEnum(ShiftStatus, { each: true }) statuses?: ShiftStatus[];
  @Field({ nullable: true, description: 'Only shifts with open places' }) @IsOptional() @IsBoolean() understaffedOnly?: boolean;
}

@ArgsType()
export class PublishShiftsArgs {
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true }) ids: string[];
}
