import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ObjectType('Skill', { description: 'A skill of the catalogue shared by every event; readable by anyone signed in' })
export class SkillObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field({ description: 'Stable unique code, e.g. FIBRE_SPLICING' }) code: string;
  @Field({ description: 'Display name' }) name: string;
  @Field({ description: 'Group the catalogue is browsed by, e.g. network' }) category: string;
}

@InputType({ description: 'A new skill of the catalogue (admins)' })
export class CreateSkillInput {
  @Field({ description: '2 to 32 capitals, digits, _ or -; unique, never changes' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2 to 32 capitals, digits, _ or -' })
  code: string;
  @Field({ description: 'Display name, 1 to 200 characters' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field({ description: 'Category, 1 to 100 characters' }) @IsString() @IsNotEmpty() @MaxLength(100) category: string;
}

@InputType({ description: 'Rename or recategorise a skill; a field left out keeps its value' })
export class UpdateSkillInput {
  @Field({ nullable: true, description: 'Display name, 1 to 200 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field({ nullable: true, description: 'Category, 1 to 100 characters' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) category?: string;
}
