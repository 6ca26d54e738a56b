import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIanaTimeZone } from '../time-zone/is-iana-time-zone';
import { VenueKind } from '../venue/venue.entity';

registerEnumType(VenueKind, {
  name: 'VenueKind',
  description: 'What a venue is for',
  valuesMap: {
    COMPETITION: { description: 'Where sport is played (stadiums, arenas, courses)' },
    NON_COMPETITION: { description: 'Everything else: the technology operations centre, broadcast and press centres, the village…' },
  },
});

@ObjectType('Venue', { description: 'A site of an event, with its zones; readable by anyone who may read the event' })
export class VenueObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The event this venue belongs to' }) eventId: string;
  @Field({ description: 'Short code, unique in the event, e.g. STF' }) code: string;
  @Field({ description: 'Display name, e.g. Stade de France' }) name: string;
  @Field({ description: 'City, e.g. Saint-Denis (replacement candidates rank people of the same city higher)' }) city: string;
  @Field(() => VenueKind, { description: 'Competition or non-competition venue' }) kind: VenueKind;
  @Field({ description: 'IANA time zone, canonical spelling: "a day" at this venue is a day in this zone' }) timeZone: string;
  @Field(() => [String], { description: 'Accreditation zones needed to work here' }) zones: string[];
}

@ObjectType('Team', { description: 'A technology team of an event (results, network, service desk…); readable by anyone who may read the event' })
export class TeamObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The event this team belongs to' }) eventId: string;
  @Field({ description: 'Short code, unique in the event, e.g. NET' }) code: string;
  @Field({ description: 'Display name, e.g. Network' }) name: string;
}

@InputType({ description: 'A new venue of an event' })
export class CreateVenueInput {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field({ description: '2 to 10 capitals or digits, unique in the event' })
  @Matches(/^[A-Z0-9]{2,10}$/, { message: 'code must be 2 to 10 capitals or digits' })
  code: string;
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field({ description: 'City, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) city: string;
  @Field(() => VenueKind, { description: 'Competition or non-competition venue' }) @IsEnum(VenueKind) kind: VenueKind;
  @Field({
    description:
      'IANA time zone of the venue, e.g. Pacific/Tahiti: "a day" for the working-time rules is a day there; stored canonically (pacific/tahiti → Pacific/Tahiti). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsIanaTimeZone()
  timeZone: string;
  @Field(() => [String], { description: 'Accreditation zones needed to work here: up to 50, each 1 to 16 capitals, digits or dashes' })
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9-]{1,16}$/, { each: true, message: 'zones are 1 to 16 capitals, digits or dashes' })
  zones: string[];
}

@InputType({ description: 'A new team of an event' })
export class CreateTeamInput {
  @Field(() => ID, { description: 'The event' }) @IsUUID() eventId: string;
  @Field({ description: '2 to 16 capitals, digits or dashes, unique in the event' })
  @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' })
  code: string;
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

@InputType({ description: 'Changes to a venue; a field left out keeps its value (the code never changes)' })
export class UpdateVenueInput {
  @Field({ nullable: true, description: 'Display name, 1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({ nullable: true, description: 'City, 1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) city?: string;
  @Field(() => VenueKind, { nullable: true, description: 'Competition or non-competition venue' }) @IsOptional() @IsEnum(VenueKind) kind?: VenueKind;
  @Field({ nullable: true, description: 'Changing it re-reads every rule of this venue in the new zone; stored canonically like createVenue' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the accreditation zones: up to 50, each 1 to 16 capitals, digits or dashes' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9-]{1,16}$/, { each: true, message: 'zones are 1 to 16 capitals, digits or dashes' })
  zones?: string[];
}

@InputType({ description: 'Rename a team (the code never changes)' })
export class UpdateTeamInput {
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}
