import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { OrganisationKind } from './organisation.entity';

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body sends people to the Games',
  valuesMap: {
    COMMITTEE: { description: 'The organising committee itself' },
    PARTNER: { description: 'A partner company (its staff remain its employees)' },
    CONTRACTOR: { description: 'A contractor hired for a service' },
    VOLUNTEER_PROGRAMME: { description: 'A volunteer programme' },
  },
});

@ObjectType('Organisation', { description: 'An employer or programme staff come from; readable by every signed-in role' })
export class OrganisationObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Short unique code, e.g. ATOS' }) code: string;
  @Field({ description: 'Display name' }) name: string;
  @Field(() => OrganisationKind, { description: 'Committee, partner, contractor or volunteer programme' }) kind: OrganisationKind;
  @Field(() => String, { nullable: true, description: 'Public web site, an http(s) URL' }) website: string | null;
}

@InputType({ description: 'A new organisation (admins)' })
export class CreateOrganisationInput {
  @Field({ description: '2 to 16 capitals, digits or dashes; unique' })
  @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' })
  code: string;
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field(() => OrganisationKind, { description: 'Committee, partner, contractor or volunteer programme' }) @IsEnum(OrganisationKind) kind: OrganisationKind;
  @Field({ nullable: true, description: 'Public web site, with its protocol (https://…)' }) @IsOptional() @IsUrl({ require_protocol: true }) website?: string;
}

@InputType({ description: 'Changes to an organisation; a field left out keeps its value (the code never changes)' })
export class UpdateOrganisationInput {
  @Field({ nullable: true, description: 'Display name, 1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field(() => OrganisationKind, { nullable: true, description: 'Committee, partner, contractor or volunteer programme' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
  @Field({ nullable: true, description: 'Public web site, with its protocol (https://…)' }) @IsOptional() @IsUrl({ require_protocol: true }) website?: string;
}
