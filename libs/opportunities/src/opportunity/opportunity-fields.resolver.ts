import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '@baton/graphql';
import { LanguageLevel } from '@baton/alumni';
import { OrganisationLoader, OrganisationObject } from '@baton/organisations';
import { SkillLoader } from '@baton/skills';
import { ApplicationStageCountObject, OpportunityLanguageObject, OpportunityObject, OpportunitySkillObject } from './dto/opportunity.object';
import { ApplicationCountsLoader, OpportunityLanguagesLoader, OpportunitySkillsLoader } from './opportunity.loaders';

/** Edges of an opportunity, each batched across a page by its loader. */
@Resolver(() => OpportunityObject)
export class OpportunityFieldsResolver {
  @ResolveField(() => OrganisationObject, { nullable: true, description: 'The organisation offering it' })
  organisation(@Parent() o: OpportunityObject, @Context() context: GraphqlContext) {
    return context.loaders.get(OrganisationLoader).load(o.organisationId);
  }

  @ResolveField(() => [OpportunitySkillObject], { description: 'Skills wanted, in order, with the minimum level' })
  async skills(@Parent() o: OpportunityObject, @Context() context: GraphqlContext): Promise<OpportunitySkillObject[]> {
    const rows = await context.loaders.get(OpportunitySkillsLoader).load(o.id);
    const skills = context.loaders.get(SkillLoader);
    return Promise.all(rows.map(async (r) => ({ skillId: r.skillId, level: r.level, skill: await skills.load(r.skillId) })));
  }

  @ResolveField(() => [OpportunityLanguageObject], { description: 'Languages wanted, in order, with the minimum level' })
  async languages(@Parent() o: OpportunityObject, @Context() context: GraphqlContext): Promise<OpportunityLanguageObject[]> {
    const rows = await context.loaders.get(OpportunityLanguagesLoader).load(o.id);
    return rows.map((r) => ({ code: r.code, level: r.level as LanguageLevel }));
  }

  @ResolveField(() => [ApplicationStageCountObject], {
    nullable: true,
    description: "Applications per stage (stages with none left out); for its managers, its organisation's recruiters and admins; null for others",
  })
  async applicationCounts(@Parent() o: OpportunityObject, @Context() context: GraphqlContext): Promise<ApplicationStageCountObject[] | null> {
    if (!o.countsVisible) return null;
    return context.loaders.get(ApplicationCountsLoader).load(o.id);
  }
}
