import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AlumniSection, AlumniVisibility, LanguageLevel } from '../../common/alumni-enums';
import { IsCleanText, IsCountryCode, IsLanguageCode, IsMonth, IsWebUrl, NormaliseText } from '../../common/text-rules';

/** Limits of each list, also the JSON Resume import's. */
export const PROFILE_LIMITS = { skills: 50, languages: 20, experiences: 50, education: 20, links: 10, desiredRoles: 10 } as const;

@InputType({ description: 'A skill: from the catalogue (skillId) or in your own words (name), exactly one of the two' })
export class AlumniSkillInput {
  @Field(() => ID, { nullable: true, description: 'A skill of the catalogue (query skills)' }) @IsOptional() @IsUUID() skillId?: string | null;
  @Field(() => String, { nullable: true, description: 'A skill not in the catalogue, e.g. "Python"; at most 100 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 100 })
  name?: string | null;
  @Field(() => Int, { description: '1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) @IsInt() @Min(1) @Max(4) level: number;
}

@InputType({ description: 'A language you speak' })
export class AlumniLanguageInput {
  @Field({ description: 'ISO 639-1 code, e.g. "fr"' }) @IsLanguageCode() code: string;
  @Field(() => LanguageLevel, { description: 'CEFR level, or NATIVE' }) @IsEnum(LanguageLevel) level: LanguageLevel;
}

@InputType({ description: 'A job, mission or volunteering you did (not the Games: those come from the roster)' })
export class AlumniExperienceInput {
  @Field({ description: 'Your role, e.g. "Network engineer"; at most 200 characters' }) @NormaliseText() @IsCleanText({ max: 200 }) title: string;
  @Field({ description: 'Employer or organisation; at most 200 characters' }) @NormaliseText() @IsCleanText({ max: 200 }) organisation: string;
  @Field(() => String, { nullable: true, description: 'Where, e.g. "Lyon, France"; at most 200 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 200 })
  location?: string | null;
  @Field(() => String, { nullable: true, description: "The organisation's web site (http or https)" }) @IsOptional() @IsWebUrl() url?: string | null;
  @Field({ description: 'First month, YYYY-MM' }) @IsMonth() startMonth: string;
  @Field(() => String, { nullable: true, description: 'Last month, YYYY-MM, not after this month; omit while you are still there' })
  @IsOptional()
  @IsMonth()
  endMonth?: string | null;
  @Field(() => String, { nullable: true, description: 'What you did; at most 4,000 characters, several lines allowed' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 4000, multiline: true })
  description?: string | null;
}

@InputType({ description: 'A school, university or training' })
export class AlumniEducationInput {
  @Field({ description: 'At most 200 characters' }) @NormaliseText() @IsCleanText({ max: 200 }) institution: string;
  @Field(() => String, { nullable: true, description: 'Field of study, e.g. "Computer science"' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 200 })
  area?: string | null;
  @Field(() => String, { nullable: true, description: 'Degree or kind of study, e.g. "Master"' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 100 })
  studyType?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) @IsOptional() @IsMonth() startMonth?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM, not after this month' }) @IsOptional() @IsMonth() endMonth?: string | null;
}

@InputType({ description: 'A link to elsewhere: a network profile, a portfolio, a web site' })
export class AlumniLinkInput {
  @Field({ description: 'What it is, e.g. "LinkedIn"; at most 50 characters' }) @NormaliseText() @IsCleanText({ max: 50 }) label: string;
  @Field({ description: 'An http or https address, at most 500 characters' }) @IsWebUrl() url: string;
}

/**
 * A change to one's own profile. An absent field stays as it is; null clears a field that may be
 * empty (headline, summary, city, country) and is refused for the others. A list replaces the
 * whole section; skills keep their endorsements when the same skill stays.
 */
@InputType({ description: 'Changes to your profile: absent fields stay, lists replace their section' })
export class AlumniProfileInput {
  @Field(() => String, { nullable: true, description: 'The name the network shows; at most 200 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 200 })
  displayName?: string | null;
  @Field(() => String, { nullable: true, description: 'One line under your name, e.g. "Network engineer, Paris 2024"; at most 200 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 200 })
  headline?: string | null;
  @Field(() => String, { nullable: true, description: 'About you; at most 4,000 characters, several lines allowed' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 4000, multiline: true })
  summary?: string | null;
  @Field(() => String, { nullable: true, description: 'City you live in; at most 100 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 100 })
  city?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. "FR"' }) @IsOptional() @IsCountryCode() country?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Shown to those who see your profile, and a directory filter' })
  @IsOptional()
  @IsBoolean()
  openToWork?: boolean | null;
  @Field(() => [String], { nullable: true, description: `Roles you are looking for, at most ${PROFILE_LIMITS.desiredRoles} of 80 characters` })
  @NormaliseText()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.desiredRoles)
  @IsCleanText({ max: 80 }, { each: true })
  desiredRoles?: string[] | null;
  @Field(() => AlumniVisibility, { nullable: true, description: 'Who sees your profile' })
  @IsOptional()
  @IsEnum(AlumniVisibility)
  visibility?: AlumniVisibility | null;
  @Field(() => [AlumniSection], { nullable: true, description: 'Sections only you see; the rest follows the visibility' })
  @IsOptional()
  @IsArray()
  @IsEnum(AlumniSection, { each: true })
  hiddenSections?: AlumniSection[] | null;
  @Field(() => [AlumniSkillInput], { nullable: true, description: `Replaces your skills (at most ${PROFILE_LIMITS.skills})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.skills)
  @ValidateNested({ each: true })
  @Type(() => AlumniSkillInput)
  skills?: AlumniSkillInput[] | null;
  @Field(() => [AlumniLanguageInput], { nullable: true, description: `Replaces your languages (at most ${PROFILE_LIMITS.languages})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.languages)
  @ValidateNested({ each: true })
  @Type(() => AlumniLanguageInput)
  languages?: AlumniLanguageInput[] | null;
  @Field(() => [AlumniExperienceInput], { nullable: true, description: `Replaces your experiences (at most ${PROFILE_LIMITS.experiences}), newest first` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.experiences)
  @ValidateNested({ each: true })
  @Type(() => AlumniExperienceInput)
  experiences?: AlumniExperienceInput[] | null;
  @Field(() => [AlumniEducationInput], { nullable: true, description: `Replaces your education (at most ${PROFILE_LIMITS.education})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.education)
  @ValidateNested({ each: true })
  @Type(() => AlumniEducationInput)
  education?: AlumniEducationInput[] | null;
  @Field(() => [AlumniLinkInput], { nullable: true, description: `Replaces your links (at most ${PROFILE_LIMITS.links})` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PROFILE_LIMITS.links)
  @ValidateNested({ each: true })
  @Type(() => AlumniLinkInput)
  links?: AlumniLinkInput[] | null;
}
