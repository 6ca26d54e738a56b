import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { IsCleanText, NormaliseText } from '../common/text-rules';

@InputType({ description: 'Directory filters; all given filters must hold' })
export class AlumniDirectoryFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name; small typos are forgiven' })
  @NormaliseText()
  @IsOptional()
  @IsCleanText({ max: 100 })
  search?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Has every one of these skills (catalogue code or name, or a free-text skill), ignoring case; at most 10',
  })
  @NormaliseText()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsCleanText({ max: 100 }, { each: true })
  skills?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Worked in one of these teams (code or name, ignoring case); at most 10' })
  @NormaliseText()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsCleanText({ max: 200 }, { each: true })
  teams?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Worked at one of these venues (code or name, ignoring case); at most 10' })
  @NormaliseText()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsCleanText({ max: 200 }, { each: true })
  venues?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Worked one of these events (code, e.g. PAR24); at most 10' })
  @NormaliseText()
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsCleanText({ max: 16 }, { each: true })
  events?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only people open to work (true) or not (false)' }) @IsOptional() @IsBoolean() openToWork?:
    boolean | null;
}
