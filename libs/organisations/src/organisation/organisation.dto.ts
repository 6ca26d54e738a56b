import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { OrganisationKind } from './organisation.entity';

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

@ObjectType('Organisation')
export class OrganisationObject {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => OrganisationKind) kind: OrganisationKind;
  @Field(() => String, { nullable: true }) website: string | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'code must be 2 to 16 capitals, digits or dashes' }) code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field(() => OrganisationKind) @IsEnum(OrganisationKind) kind: OrganisationKind;
  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) website?: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field(() => OrganisationKind, { nullable: true }) @IsOptional() @IsEnum(OrganisationKind) kind?: OrganisationKind;
  @Field({ nullable: true }) @IsOptional() @IsUrl({ require_protocol: true }) website?: string;
}
