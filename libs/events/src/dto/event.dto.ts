import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsTimeZone, Matches, MaxLength } from 'class-validator';
import { LocalDateScalar } from '@baton/graphql';
import { EventPhase } from '../event/event.entity';

registerEnumType(EventPhase, { name: 'EventPhase' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Event')
export class EventObject {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'IANA time zone of the host city, e.g. Europe/Paris' }) timeZone: string;
  @Field(() => LocalDateScalar) startsOn: string;
  @Field(() => LocalDateScalar) endsOn: string;
  @Field(() => EventPhase) phase: EventPhase;
  @Field() updatedAt: Date;
}

@InputType()
export class CreateEventInput {
  @Field({ description: '2 to 16 capitals, digits or dashes, e.g. PAR24' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,15}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' })
  code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field() @IsTimeZone() timeZone: string;
  @Field(() => LocalDateScalar) @Matches(DATE) startsOn: string;
  @Field(() => LocalDateScalar) @Matches(DATE) endsOn: string;
  @Field(() => EventPhase, { nullable: true }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}

@InputType()
export class UpdateEventInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsTimeZone() timeZone?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() @Matches(DATE) startsOn?: string;
  @Field(() => LocalDateScalar, { nullable: true }) @IsOptional() @Matches(DATE) endsOn?: string;
  @Field(() => EventPhase, { nullable: true }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}
