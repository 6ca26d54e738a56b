import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Permission } from '@baton/auth';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SkillService } from './skill.service';

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

@Resolver(() => SkillObject)
export class SkillResolver {
  constructor(private readonly skills: SkillService) {}

  @Query(() => [SkillObject], { name: 'skills', description: 'The skill catalogue, shared by every event' })
  @Allow(Permission.AUTHENTICATED)
  listSkills(@Args('category', { nullable: true }) category?: string) {
    return this.skills.list(category);
  }

  @Mutation(() => SkillObject)
  @Allow(Permission.REFERENCE_MANAGE)
  createSkill(@CurrentActor() actor: Actor, @Args('input') input: CreateSkillInput) {
    return this.skills.create(actor, input);
  }

  @Mutation(() => SkillObject, { description: 'Rename or recategorise; the code is the stable key and does not change' })
  @Allow(Permission.REFERENCE_MANAGE)
  updateSkill(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateSkillInput) {
    return this.skills.update(actor, id, input);
  }
}
