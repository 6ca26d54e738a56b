import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthPermission, Actor, Allow, CurrentActor } from '@baton/auth';
import { Connection, Loaders, LoaderRegistry, PageArgs, ParseIdPipe } from '@baton/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AlumniDirectoryFilter } from '../directory/directory.args';
import { DirectoryService } from '../directory/directory.service';
import { JsonResumeService } from '../json-resume/json-resume.service';
import { AlumniProfileInput } from './dto/profile.input';
import { AlumniProfileObject } from './dto/profile.object';
import { ProfileQueryService } from './profile-query.service';
import { ProfileService } from './profile.service';
import { AlumniPermission } from '../alumni.permissions';

const AlumniProfileConnection = Connection(AlumniProfileObject, 'AlumniProfile');

@Resolver(() => AlumniProfileObject)
export class ProfileResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly queries: ProfileQueryService,
    private readonly directory: DirectoryService,
    private readonly resumes: JsonResumeService,
  ) {}

  @Query(() => AlumniProfileObject, { nullable: true, description: 'Your own alumni profile, all of it; null if you never joined' })
  @Allow(AuthPermission.AUTHENTICATED)
  myAlumniProfile(@CurrentActor() actor: Actor, @Loaders() loaders: LoaderRegistry) {
    return this.queries.mine(actor, loaders);
  }

  @Query(() => AlumniProfileObject, { description: "A member's profile as its visibility allows; NOT_FOUND when you may not see it" })
  @Allow(AlumniPermission.ALUMNI_DIRECTORY)
  alumniProfile(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID, description: 'The member' }, ParseIdPipe) userId: string,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.queries.get(actor, userId, loaders);
  }

  @Query(() => AlumniProfileConnection, { description: 'Members of the alumni network who list themselves (ALUMNI or PARTNERS visibility), by name' })
  @Allow(AlumniPermission.ALUMNI_DIRECTORY)
  alumniDirectory(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Loaders() loaders: LoaderRegistry,
    @Args('filter', { type: () => AlumniDirectoryFilter, nullable: true, description: 'Narrows the list' }) filter?: AlumniDirectoryFilter,
  ) {
    return this.directory.search(actor, filter ?? {}, page, loaders);
  }

  @Mutation(() => AlumniProfileObject, { description: 'Change your profile (members only); returns it' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  async updateAlumniProfile(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The whole profile: sections left out stay as they are' }) input: AlumniProfileInput,
    @Loaders() loaders: LoaderRegistry,
  ) {
    await this.profiles.update(actor, input);
    return this.queries.mine(actor, loaders);
  }

  @Mutation(() => AlumniProfileObject, {
    description:
      'Fill your profile from a JSON Resume (jsonresume.org): basics, work, education, skills and languages present replace those sections; contact details and other sections are ignored; the Games record is never touched',
  })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  async importJsonResume(
    @CurrentActor() actor: Actor,
    @Args('resume', { type: () => GraphQLJSONObject, description: 'A JSON Resume document' }) resume: Record<string, unknown>,
    @Loaders() loaders: LoaderRegistry,
  ) {
    await this.resumes.import(actor, resume);
    return this.queries.mine(actor, loaders);
  }
}
