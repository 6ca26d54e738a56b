import { applyDecorators } from '@nestjs/common';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsCleanText, LanguageLevel, NormaliseText } from '@baton/alumni';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ValidatedOnce } from '@baton/graphql';

@InputType('TalentSkillFilter', { description: 'A skill the person must have, at a level at least' })
export class TalentSkillFilter {
  @Field({ description: 'Catalogue code or name, or a free-text skill; case and accents ignored; 1 to 100 characters' })
  @NormaliseText()
  @IsCleanText({ max: 100 })
  skill: string;
  @Field(() => Int, { nullable: true, description: 'Lowest level accepted, 1 (basic) to 4 (can lead); default 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  minLevel?: number | null;
}

@InputType('TalentLanguageFilter', { description: 'A language the person must speak, at a level at least' })
export class TalentLanguageFilter {
  @Field({ description: 'ISO 639-1 code: two lower-case letters (fr, en…)' })
  @Matches(/^[a-z]{2}$/, { message: 'must be an ISO 639-1 code such as fr' })
  code: string;
  @Field(() => LanguageLevel, { nullable: true, description: 'Lowest level accepted; default A1' })
  @IsOptional()
  @IsEnum(LanguageLevel)
  minLevel?: LanguageLevel | null;
}

const CodeList = (max: number) =>
  applyDecorators(NormaliseText(), IsOptional(), IsArray(), ArrayMaxSize(10), IsCleanText({ max }, { each: true }) as PropertyDecorator);

/** Talent search filters; every given filter must hold. The same input is kept by saved searches. */
@ValidatedOnce()
@InputType('TalentSearchFilter', { description: 'What to look for; every given filter must hold' })
export class TalentSearchFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in headline, desired roles, skills, summary, experiences and Games roles (English and French, accents ignored, web-search syntax: "quoted phrase", -without, or); names and skills also match with small typos; 1 to 200 characters, not only spaces',
  })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 200 })
  text?: string | null;
  @Field(() => [TalentSkillFilter], { nullable: true, description: 'Has every one of these skills at its level; at most 10 skills' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TalentSkillFilter)
  skills?: TalentSkillFilter[] | null;
  @Field(() => [TalentLanguageFilter], { nullable: true, description: 'Speaks every one of these languages at its level; at most 10 languages' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TalentLanguageFilter)
  languages?: TalentLanguageFilter[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Worked in one of these teams in a Games (team codes, case ignored); at most 10 codes of 1 to 50 characters',
  })
  @CodeList(50)
  teams?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Worked at one of these venues in a Games (venue codes, case ignored); at most 10 codes of 1 to 50 characters',
  })
  @CodeList(50)
  venues?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Worked one of these events (event codes such as PAR24); at most 10 codes of 1 to 16 characters' })
  @CodeList(16)
  events?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'At least this many hours worked in the Games, from the roster and attendance; 0 to 100000' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100000)
  minVerifiedHours?: number | null;
  @Field(() => String, { nullable: true, description: 'Lives in this country (ISO 3166-1 alpha-2: two upper-case letters, e.g. FR)' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as FR' })
  country?: string | null;
  @Field(() => String, { nullable: true, description: 'Lives in this city (case and accents ignored); 1 to 100 characters' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 100 })
  city?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only people open to work (true) or not (false)' })
  @IsOptional()
  @IsBoolean()
  openToWork?: boolean | null;
}
