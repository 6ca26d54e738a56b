import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPermission, Actor, Allow, CurrentActor } from '@baton/auth';
import { CreateSkillInput, SkillObject, UpdateSkillInput } from './dto/skill.dto';
import { SkillService } from './skill.service';
import { SkillsPermission } from '../skills.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => SkillObject)
export class SkillResolver {
  constructor(private readonly skills: SkillService) {}

  @Query(() => [SkillObject], { name: 'skills', description: 'The skill catalogue, shared by every event' })
  @Allow(AuthPermission.AUTHENTICATED)
  listSkills(@Args('category', { nullable: true, description: 'Only this category (exact match)' }) category?: string) {
    return this.skills.list(category);
  }

  @Mutation(() => SkillObject, { description: 'A new skill of the catalogue (admins); audited' })
  @Allow(SkillsPermission.SKILLS_MANAGE)
  createSkill(@CurrentActor() actor: Actor, @Args('input', { description: 'The skill' }) input: CreateSkillInput) {
    return this.skills.create(actor, input);
  }

  @Mutation(() => SkillObject, { description: 'Rename or recategorise; the code is the stable key and does not change' })
  @Allow(SkillsPermission.SKILLS_MANAGE)
  updateSkill(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The skill' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateSkillInput,
  ) {
    return this.skills.update(actor, id, input);
  }
}
