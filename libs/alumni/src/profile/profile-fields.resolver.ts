import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '@baton/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AlumniSection } from '../common/alumni-enums';
import { toJsonResume } from '../json-resume/json-resume';
import {
  AlumniEducationObject,
  AlumniExperienceObject,
  AlumniGamesExperienceObject,
  AlumniLanguageObject,
  AlumniLinkObject,
  AlumniProfileObject,
  AlumniSkillObject,
} from './dto/profile.object';
import {
  ProfileEducationLoader,
  ProfileExperiencesLoader,
  ProfileGamesLoader,
  ProfileLanguagesLoader,
  ProfileLinksLoader,
  ProfileSkillsLoader,
  SectionKey,
} from './profile.loaders';
import { toEducationObject, toExperienceObject, toGamesObject, toLanguageObject, toLinkObject } from './profile.mapper';
import { ProfileRecordsLoader } from './profile-records.loader';
import { resumeRecords, withRecords } from './verified-records';
import { viewerFor } from './viewer';

/**
 * The sections of a profile, each batched across a whole page by its loader, and each asked only
 * when the parent's access (decided by the policy when the profile was mapped) shows it.
 */
@Resolver(() => AlumniProfileObject)
export class ProfileFieldsResolver {
  private async key(profile: AlumniProfileObject, context: GraphqlContext): Promise<SectionKey> {
    return { userId: profile.userId, viewer: await viewerFor(context.req.user, context.loaders) };
  }

  @ResolveField(() => [AlumniSkillObject], { nullable: true, description: 'Skills, best first as the person ordered them; null when hidden from you' })
  async skills(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniSkillObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.SKILLS)) return null;
    const rows = await context.loaders.get(ProfileSkillsLoader).load(await this.key(profile, context));
    const endorsementsShown = profile.access.sections.has(AlumniSection.ENDORSEMENTS);
    return rows.map((r) => ({
      id: r.id,
      skillId: r.skillId,
      code: r.code,
      name: r.name,
      level: r.level,
      endorsementCount: endorsementsShown ? r.endorsements : 0,
    }));
  }

  @ResolveField(() => [AlumniLanguageObject], { nullable: true, description: 'Languages; null when hidden from you' })
  async languages(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniLanguageObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.LANGUAGES)) return null;
    return (await context.loaders.get(ProfileLanguagesLoader).load(await this.key(profile, context))).map(toLanguageObject);
  }

  @ResolveField(() => [AlumniExperienceObject], { nullable: true, description: 'Experiences the person entered; null when hidden from you' })
  async experiences(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniExperienceObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.EXPERIENCES)) return null;
    return (await context.loaders.get(ProfileExperiencesLoader).load(await this.key(profile, context))).map(toExperienceObject);
  }

  @ResolveField(() => [AlumniEducationObject], { nullable: true, description: 'Education; null when hidden from you' })
  async education(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniEducationObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.EDUCATION)) return null;
    return (await context.loaders.get(ProfileEducationLoader).load(await this.key(profile, context))).map(toEducationObject);
  }

  @ResolveField(() => [AlumniLinkObject], { nullable: true, description: 'Links; null when hidden from you' })
  async links(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniLinkObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.LINKS)) return null;
    return (await context.loaders.get(ProfileLinksLoader).load(await this.key(profile, context))).map(toLinkObject);
  }

  @ResolveField(() => [AlumniGamesExperienceObject], {
    nullable: true,
    description: 'The Games the person worked, from the roster, newest first; null when hidden from you',
  })
  async gamesExperiences(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniGamesExperienceObject[] | null> {
    if (!profile.access.sections.has(AlumniSection.GAMES)) return null;
    const key = await this.key(profile, context);
    const [rows, records] = await Promise.all([context.loaders.get(ProfileGamesLoader).load(key), context.loaders.get(ProfileRecordsLoader).load(key)]);
    return withRecords(profile.access, rows.map(toGamesObject), records);
  }

  @ResolveField(() => GraphQLJSONObject, {
    description: 'This profile as a JSON Resume (jsonresume.org), with only what you may see and never contact details',
  })
  async jsonResume(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<Record<string, unknown>> {
    const [skills, languages, experiences, education, links, records] = await Promise.all([
      this.skills(profile, context),
      this.languages(profile, context),
      this.experiences(profile, context),
      this.education(profile, context),
      this.links(profile, context),
      context.loaders.get(ProfileRecordsLoader).load(await this.key(profile, context)),
    ]);
    return toJsonResume(profile, { skills, languages, experiences, education, links, records: resumeRecords(profile.access, records) });
  }
}
