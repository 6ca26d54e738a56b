import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LocalDateScalar } from '@baton/graphql';
import { EventPhase } from '../event/event.entity';
import { IsIanaTimeZone } from '../time-zone/is-iana-time-zone';

registerEnumType(EventPhase, {
  name: 'EventPhase',
  description: 'Where an event stands in its life',
  valuesMap: {
    PLANNING: { description: 'Before the Games: venues, teams and shifts are being prepared' },
    GAMES: { description: 'The Games are on: rosters are worked, people check in' },
    CLOSED: { description: 'Over: the record is kept (alumni, verified experience) and no longer changes' },
  },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Event', {
  description: 'One Games edition (Paris 2024, Los Angeles 2028…): staffing data belongs to an event. Readable by anyone with a grant in it, and by admins',
})
export class EventObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Short unique code, e.g. PAR24' }) code: string;
  @Field({ description: 'Display name, e.g. Paris 2024' }) name: string;
  @Field({ description: 'IANA time zone of the host city, canonical spelling, e.g. Europe/Paris (or UTC)' }) timeZone: string;
  @Field(() => LocalDateScalar, { description: 'First day, in the event time zone' }) startsOn: string;
  @Field(() => LocalDateScalar, { description: 'Last day (inclusive), in the event time zone' }) endsOn: string;
  @Field(() => EventPhase, { description: 'Where the event stands' }) phase: EventPhase;
  @Field({ description: 'Last change to the event itself' }) updatedAt: Date;
}

@InputType({ description: 'A new Games edition (admins)' })
export class CreateEventInput {
  @Field({ description: '2 to 16 capitals, digits or dashes, e.g. PAR24; unique' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,15}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' })
  code: string;
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field({
    description:
      'IANA time zone of the host city, e.g. Europe/Paris; stored canonically (pacific/tahiti → Pacific/Tahiti, Asia/Calcutta → Asia/Kolkata). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsIanaTimeZone()
  timeZone: string;
  @Field(() => LocalDateScalar, { description: 'First day, in the event time zone' }) @Matches(DATE) startsOn: string;
  @Field(() => LocalDateScalar, { description: 'Last day (inclusive), not before startsOn' }) @Matches(DATE) endsOn: string;
  @Field(() => EventPhase, { nullable: true, description: 'Default PLANNING' }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}

@InputType({ description: 'Changes to an event; a field left out keeps its value' })
export class UpdateEventInput {
  @Field({ nullable: true, description: 'Display name, 1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({
    nullable: true,
    description:
      'IANA time zone of the host city, e.g. Europe/Paris; stored canonically (pacific/tahiti → Pacific/Tahiti, Asia/Calcutta → Asia/Kolkata). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day, in the event time zone' }) @IsOptional() @Matches(DATE) startsOn?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day (inclusive), not before startsOn' }) @IsOptional() @Matches(DATE) endsOn?: string;
  @Field(() => EventPhase, { nullable: true, description: 'Where the event stands' }) @IsOptional() @IsEnum(EventPhase) phase?: EventPhase;
}
