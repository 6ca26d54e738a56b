import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ObjectType('Skill')
export class SkillObject {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field() category: string;
}

@InputType()
export class CreateSkillInput {
  @Field() @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2 to 32 capitals, digits, _ or -' }) code: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) category: string;
}

@InputType()
export class UpdateSkillInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) category?: string;
}
