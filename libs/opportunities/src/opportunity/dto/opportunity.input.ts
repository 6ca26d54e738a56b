import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LanguageLevel } from '@baton/alumni';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { ContractType, OpportunityStatus, WorkMode } from '../../common/opportunity-enums';
import '../../common/opportunity-enums.graphql';

export const OPPORTUNITY_LIMITS = { skills: 30, languages: 10, teamCodes: 20 } as const;

@InputType({ description: 'A skill wanted, from the catalogue (query skills), with the minimum level' })
export class OpportunitySkillInput {
  @Field(() => ID, { description: 'A skill of the catalogue' }) @IsUUID() skillId: string;
  @Field(() => Int, { description: 'Minimum level: 1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) @IsInt() @Min(1) @Max(4) level: number;
}

@InputType({ description: 'A language wanted, with the minimum level' })
export class OpportunityLanguageInput {
  @Field({ description: 'ISO 639-1 code, e.g. "fr"' }) @Matches(/^[a-z]{2}$/, { message: 'code must be an ISO 639-1 code such as "fr"' }) code: string;
  @Field(() => LanguageLevel, { description: 'Minimum CEFR level, or NATIVE' }) @IsEnum(LanguageLevel) level: LanguageLevel;
}

@InputType({ description: 'A new opportunity, saved as DRAFT (publishOpportunity opens it)' })
export class CreateOpportunityInput {
  @Field(() => ID, {
    description: "The organisation offering it. A recruiter's own organisation makes a POSTING; any other organisation, from an alumnus, a REFERRAL",
  })
  @IsUUID()
  organisationId: string;
  @Field({ description: '1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @Field({ description: '1 to 10,000 characters, several lines allowed' }) @IsString() @IsNotEmpty() @MaxLength(10000) description: string;
  @Field(() => String, { nullable: true, description: 'City; required unless the work is REMOTE; at most 100 characters' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. "FR" (for REMOTE work: the country of the contract)' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "FR"' })
  country: string;
  @Field(() => WorkMode, { description: 'Remote, hybrid or on site' }) @IsEnum(WorkMode) workMode: WorkMode;
  @Field(() => ContractType, { description: 'The kind of contract' }) @IsEnum(ContractType) contractType: ContractType;
  @Field({ nullable: true, description: 'Work in the sport sector (a federation, a club, an event); default false' })
  @IsOptional()
  @IsBoolean()
  sportSector?: boolean;
  @Field(() => ID, { nullable: true, description: 'The next Games edition this relates to, if any' }) @IsOptional() @IsUUID() eventId?: string | null;
  @Field(() => [String], { nullable: true, description: `Games team codes whose experience fits (e.g. "TIMING"), at most ${OPPORTUNITY_LIMITS.teamCodes}` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.teamCodes)
  @Matches(/^[A-Z0-9_-]{1,32}$/, { each: true, message: 'each team code is 1 to 32 capitals, digits, dashes or underscores' })
  teamCodes?: string[];
  @Field(() => Date, { description: 'When it stops taking applications; in the future, at most a year ahead' }) @Type(() => Date) @IsDate() expiresAt: Date;
  @Field(() => [OpportunitySkillInput], { nullable: true, description: `Skills wanted, at most ${OPPORTUNITY_LIMITS.skills}, each once` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.skills)
  @ValidateNested({ each: true })
  @Type(() => OpportunitySkillInput)
  skills?: OpportunitySkillInput[];
  @Field(() => [OpportunityLanguageInput], { nullable: true, description: `Languages wanted, at most ${OPPORTUNITY_LIMITS.languages}, each once` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.languages)
  @ValidateNested({ each: true })
  @Type(() => OpportunityLanguageInput)
  languages?: OpportunityLanguageInput[];
}

@InputType({ description: 'Changes to a DRAFT or OPEN opportunity; a field left out keeps its value (the organisation never changes)' })
export class UpdateOpportunityInput {
  @Field({ nullable: true, description: '1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @Field({ nullable: true, description: '1 to 10,000 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(10000) description?: string;
  @Field(() => String, { nullable: true, description: 'City; null removes it (REMOTE work only)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  city?: string | null;
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country code' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "FR"' })
  country?: string;
  @Field(() => WorkMode, { nullable: true, description: 'Remote, hybrid or on site' }) @IsOptional() @IsEnum(WorkMode) workMode?: WorkMode;
  @Field(() => ContractType, { nullable: true, description: 'The kind of contract' }) @IsOptional() @IsEnum(ContractType) contractType?: ContractType;
  @Field({ nullable: true, description: 'Work in the sport sector' }) @IsOptional() @IsBoolean() sportSector?: boolean;
  @Field(() => ID, { nullable: true, description: 'The next Games edition this relates to; null removes it' }) @IsOptional() @IsUUID() eventId?: string | null;
  @Field(() => [String], { nullable: true, description: 'Games team codes whose experience fits; [] removes them all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.teamCodes)
  @Matches(/^[A-Z0-9_-]{1,32}$/, { each: true, message: 'each team code is 1 to 32 capitals, digits, dashes or underscores' })
  teamCodes?: string[];
  @Field(() => Date, { nullable: true, description: 'When it stops taking applications; in the future, at most a year ahead' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
  @Field(() => [OpportunitySkillInput], { nullable: true, description: 'Replaces the skills wanted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.skills)
  @ValidateNested({ each: true })
  @Type(() => OpportunitySkillInput)
  skills?: OpportunitySkillInput[];
  @Field(() => [OpportunityLanguageInput], { nullable: true, description: 'Replaces the languages wanted' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OPPORTUNITY_LIMITS.languages)
  @ValidateNested({ each: true })
  @Type(() => OpportunityLanguageInput)
  languages?: OpportunityLanguageInput[];
}

@InputType({ description: 'Narrows a list of opportunities; by default only OPEN ones that have not expired' })
export class OpportunityFilter {
  @Field(() => [OpportunityStatus], { nullable: true, description: 'Statuses to list; other than OPEN, only what you manage or review shows' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(OpportunityStatus, { each: true })
  statuses?: OpportunityStatus[];
  @Field(() => ID, { nullable: true, description: 'Only this organisation' }) @IsOptional() @IsUUID() organisationId?: string;
  @Field({ nullable: true, description: 'Only this country (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "FR"' })
  country?: string;
  @Field(() => [WorkMode], { nullable: true, description: 'Only these work modes, e.g. [REMOTE]' })
  @IsOptional()
  @IsArray()
  @IsEnum(WorkMode, { each: true })
  workModes?: WorkMode[];
  @Field(() => [ID], { nullable: true, description: 'Only opportunities wanting at least one of these skills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  skillIds?: string[];
  @Field({ nullable: true, description: 'Only sport-sector (true) or other (false) opportunities' }) @IsOptional() @IsBoolean() sportSector?: boolean;
  @Field({ nullable: true, description: 'Only those you wrote (true)' }) @IsOptional() @IsBoolean() mine?: boolean;
}
