import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength } from 'class-validator';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

@ObjectType('OrganisationSignIn', { description: "An organisation's identity provider for partner sign-in (admins); the client secret is never shown" })
export class OidcProviderObject {
  @Field(() => ID, { description: 'The organisation whose recruiters sign in this way' }) organisationId: string;
  @Field({ description: 'The OpenID issuer URL; its discovery document is read at each sign-in' }) issuerUrl: string;
  @Field({ description: 'The client id Baton has at the provider' }) clientId: string;
  @Field({ description: 'Whether a client secret is stored (it is write-only)' }) clientSecretSet: boolean;
  @Field(() => [String], { description: 'Lower-case email domains allowed to sign in' }) allowedEmailDomains: string[];
  @Field({ description: 'Whether sign-in is open; when false both the start and the callback are refused' }) enabled: boolean;
  @Field({ description: 'The redirect URI to register at the provider' }) redirectUri: string;
  @Field({ description: 'Where a recruiter starts the sign-in (a link for the front end)' }) startUrl: string;
  @Field({ description: 'When the configuration last changed' }) updatedAt: Date;
}

@InputType({ description: "An organisation's identity provider. The first time all fields are needed; later a field left out keeps its value" })
export class ConfigureOrganisationSignInInput {
  @Field(() => ID, { description: 'The organisation' }) @IsUUID() organisationId: string;
  @Field({ nullable: true, description: 'The OpenID issuer URL (https in production), exactly as the provider names itself' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(500)
  issuerUrl?: string;
  @Field({ nullable: true, description: 'The client id registered at the provider' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(255) clientId?: string;
  @Field({ nullable: true, description: 'The client secret; stored encrypted, never returned' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  clientSecret?: string;
  @Field(() => [String], { nullable: true, description: 'Email domains allowed to sign in (1 to 50), e.g. example.com; subdomains are not implied' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(DOMAIN, { each: true, message: 'each allowed email domain must be a domain name such as example.com' })
  allowedEmailDomains?: string[];
  @Field({ nullable: true, description: 'Open or close sign-in; new configurations are enabled unless this says false' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
