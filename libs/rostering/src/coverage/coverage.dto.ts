import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';

export enum CoverageBucket {
  HOUR = 'HOUR',
  FOUR_HOURS = 'FOUR_HOURS',
  DAY = 'DAY',
}

registerEnumType(CoverageBucket, {
  name: 'CoverageBucket',
  description: 'How coverage is cut in time',
  valuesMap: {
    HOUR: { description: 'Absolute hours, from `from` rounded down to the whole hour (UTC)' },
    FOUR_HOURS: { description: 'Absolute 4-hour blocks, from `from` rounded down to the whole hour (UTC)' },
    DAY: { description: "Days in the event's time zone (events.timeZone), local midnight to local midnight: 23 or 25 hours when the clocks change" },
  },
});

@ArgsType()
export class CoverageArgs {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field(() => [ID], { nullable: true, description: 'Only these venues (within your scope); all of your scope when left out' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  venueIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only these teams (within your scope); all of your scope when left out' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  teamIds?: string[] | null;
  @Field({ description: 'Window start (widened down to a whole bucket)' }) @Type(() => Date) @IsDate() from: Date;
  @Field({ description: 'After from; at most 31 days later with HOUR buckets, 62 days with FOUR_HOURS or DAY' }) @Type(() => Date) @IsDate() to: Date;
  @Field(() => CoverageBucket, { nullable: true, defaultValue: CoverageBucket.HOUR, description: 'How the window is cut in time' }) @IsOptional() @IsEnum(CoverageBucket) bucket?: CoverageBucket | null;
}

@ObjectType('CoverageCell', { description: 'One venue, one team, one bucket with at least one published shift overlapping it' })
export class CoverageCellObject {
  @Field(() => ID, { description: 'The venue' }) venueId: string;
  @Field(() => ID, { description: 'The team' }) teamId: string;
  @Field({ description: 'Start of the bucket (inclusive)' }) bucketStart: Date;
  @Field({ description: 'End of the bucket (exclusive)' }) bucketEnd: Date;
  @Field(() => Int, { description: 'Headcount of the published shifts overlapping the bucket (a shift counts in every bucket it overlaps)' })
  required: number;
  @Field(() => Int, { description: 'Active (assigned or confirmed) assignments on those shifts' }) assigned: number;
  @Field(() => Int, { description: 'Active assignments already checked in' }) checkedIn: number;
  @Field(() => Int, { description: 'Places missing: required minus assigned, never below 0' }) gap: number;
}

@ObjectType('CoverageGap', { description: 'A published shift with open places' })
export class CoverageGapObject {
  @Field(() => ID, { description: 'The shift' }) shiftId: string;
  @Field(() => ID, { description: "The shift's venue" }) venueId: string;
  @Field(() => ID, { description: "The shift's team" }) teamId: string;
  @Field({ description: "The shift's role" }) roleTitle: string;
  @Field({ description: "The shift's start" }) startsAt: Date;
  @Field({ description: "The shift's end" }) endsAt: Date;
  @Field(() => Int, { description: 'Places on the shift' }) headcount: number;
  @Field(() => Int, { description: 'Active assignments on it' }) assigned: number;
  @Field(() => Int, { description: 'Places missing: headcount minus assigned' }) missing: number;
}

@ObjectType('CoverageTotals', { description: 'Over the distinct shifts of the window (each shift once, whatever the buckets)' })
export class CoverageTotalsObject {
  @Field(() => Int, { description: 'Places on the shifts of the window' }) required: number;
  @Field(() => Int, { description: 'Active assignments on them' }) assigned: number;
  @Field(() => Int, { description: 'Active assignments already checked in' }) checkedIn: number;
  @Field(() => Int, { description: 'Places missing, summed shift by shift' }) gap: number;
}

@ObjectType('Coverage', { description: 'Required, assigned and checked-in places of an event over a window, within your venues and teams' })
export class CoverageObject {
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => CoverageBucket, { description: 'How the window is cut' }) bucket: CoverageBucket;
  @Field({ description: "The event's time zone, in which DAY buckets are cut" }) timeZone: string;
  @Field({ description: 'Start of the first bucket: the window widened to whole buckets' }) from: Date;
  @Field({ description: 'End of the last bucket' }) to: Date;
  @Field(() => [CoverageCellObject], { description: 'By venue, team, then time' }) cells: CoverageCellObject[];
  @Field(() => [CoverageGapObject], {
    description: 'Shifts of the window with open places that are not over yet, most urgent first (start, then most places missing); at most 500',
  })
  gaps: CoverageGapObject[];
  @Field({ description: 'True when more than 500 shifts have open places and the list was cut' }) gapsTruncated: boolean;
  @Field(() => CoverageTotalsObject, { description: 'Totals over the whole window' }) totals: CoverageTotalsObject;
}

@ObjectType('CoverageChange', { description: 'Coverage moved in your scope: re-read the board (sent at most every 2 seconds, changes in between merged)' })
export class CoverageChangeObject {
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => [ID], { description: 'Venues where something changed since the previous message (within your scope)' }) venueIds: string[];
  @Field(() => [ID], { description: 'Teams where something changed since the previous message (within your scope)' }) teamIds: string[];
  @Field({ description: 'When this message was sent' }) changedAt: Date;
}
