import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIanaTimeZone } from '../time-zone/is-iana-time-zone';
import { VenueKind } from '../venue/venue.entity';

registerEnumType(VenueKind, { name: 'VenueKind' });

@ObjectType('Venue')
export class VenueObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() code: string;
  @Field() name: string;
  @Field() city: string;
  @Field(() => VenueKind) kind: VenueKind;
  @Field({ description: 'IANA time zone, canonical spelling: "a day" at this venue is a day in this zone' }) timeZone: string;
  @Field(() => [String], { description: 'Accreditation zones needed to work here' }) zones: string[];
}

@ObjectType('Team')
export class TeamObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() code: string;
  @Field() name: string;
}

@InputType()
export class CreateVenueInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field() @Matches(/^[A-Z0-9]{2,10}$/, { message: 'code must be 2 to 10 capitals or digits' }) code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) city: string;
  @Field(() => VenueKind) @IsEnum(VenueKind) kind: VenueKind;
  @Field({
    description:
      'IANA time zone of the venue, e.g. Pacific/Tahiti; stored canonically (pacific/tahiti → Pacific/Tahiti). Abbreviations such as EST or CET are refused; UTC is accepted',
  })
  @IsIanaTimeZone()
  timeZone: string;
  @Field(() => [String])
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9-]{1,16}$/, { each: true, message: 'zones are 1 to 16 capitals, digits or dashes' })
  zones: string[];
}

@InputType()
export class CreateTeamInput {
  @Field(() => ID) @IsUUID() eventId: string;
  @Field() @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' }) code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

@InputType()
export class UpdateVenueInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) city?: string;
  @Field(() => VenueKind, { nullable: true }) @IsOptional() @IsEnum(VenueKind) kind?: VenueKind;
  @Field({ nullable: true, description: 'Changing it re-reads every rule of this venue in the new zone; stored canonically like createVenue' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z0-9-]{1,16}$/, { each: true, message: 'zones are 1 to 16 capitals, digits or dashes' })
  zones?: string[];
}

@InputType()
export class UpdateTeamInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}
