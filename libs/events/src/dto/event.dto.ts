import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { EventPhase } from '../event/event.entity';
import { IsIanaTimeZone } from '../time-zone/is-iana-time-zone';

registerEnumType(EventPhase, { name: 'EventPhase' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Event')
export class EventObject {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'IANA time zone of the host city, canonical spelling, e.g. Europe/Paris (or UTC)' }) timeZone: string;
  @Field(() => GraphQLLocalDate) startsOn: string;
  @Field(() => GraphQLLocalDate) endsOn: string;
  @Field(() => EventPhase) phase: EventPhase;
  @Field() updatedAt: Date;
}

@InputType()
export class CreateEventInput {
  @Field({ description: '2 to 16 capitals, digits or dashes, e.g. PAR24' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,15}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' })
  code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field({
    description:
      'IANA time zone of the host city, e.g. Europe/Paris; stored canonically (pacific/tahiti → Pacific/Tahiti, Asia/Calcutta → Asia/Kolkata). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsIanaTimeZone()
  timeZone: string;
  @Field(() => GraphQLLocalDate) @Matches(DATE) startsOn: string;
  @Field(() => GraphQLLocalDate) @Matches(DATE) endsOn: string;
  @Field(() => EventPhase, { nullable: true }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}

@InputType()
export class UpdateEventInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({
    nullable: true,
    description:
      'IANA time zone of the host city, e.g. Europe/Paris; stored canonically (pacific/tahiti → Pacific/Tahiti, Asia/Calcutta → Asia/Kolkata). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) @IsOptional() @Matches(DATE) startsOn?: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) @IsOptional() @Matches(DATE) endsOn?: string;
  @Field(() => EventPhase, { nullable: true }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}
