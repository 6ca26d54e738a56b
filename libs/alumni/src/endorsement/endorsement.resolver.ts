import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { Connection, Loaders, LoaderRegistry, PageArgs, ParseIdPipe } from '@baton/graphql';
import { AlumniEndorsementObject, EndorseAlumniSkillInput } from './dto/endorsement.dto';
import { EndorsementService } from './endorsement.service';
import { AlumniPermission } from '../alumni.permissions';

const AlumniEndorsementConnection = Connection(AlumniEndorsementObject, 'AlumniEndorsement');

@Resolver(() => AlumniEndorsementObject)
export class EndorsementResolver {
  constructor(
    private readonly endorsements: EndorsementService,
    private readonly clock: Clock,
  ) {}

  @Query(() => AlumniEndorsementConnection, { description: "Endorsements of a member's skills you may see, oldest first (your own include hidden ones)" })
  @Allow(AlumniPermission.ALUMNI_DIRECTORY)
  alumniEndorsements(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID, description: 'The member endorsed' }, ParseIdPipe) userId: string,
    @Args() page: PageArgs,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.endorsements.list(actor, userId, page, loaders);
  }

  @Mutation(() => AlumniEndorsementObject, {
    description: "Endorse a colleague's skill. Refused (RULE_VIOLATION NEVER_WORKED_TOGETHER) unless the roster shows you worked together",
  })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  async endorseAlumniSkill(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Whom and which skill to endorse' }) input: EndorseAlumniSkillInput,
    @Loaders() loaders: LoaderRegistry,
  ) {
    const id = await this.endorsements.endorse(actor, input);
    return this.one(actor, input.userId, id, loaders);
  }

  @Mutation(() => AlumniEndorsementObject, { description: 'Hide (or show again) an endorsement of your skills; hidden ones show to nobody else' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  async setAlumniEndorsementHidden(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The endorsement' }, ParseIdPipe) id: string,
    @Args('hidden', { description: 'true hides it, false shows it again' }) hidden: boolean,
    @Loaders() loaders: LoaderRegistry,
  ) {
    await this.endorsements.setHidden(actor, id, hidden, this.clock.now());
    return this.one(actor, actor.userId, id, loaders);
  }

  @Mutation(() => Boolean, { description: 'Take back an endorsement you gave' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  withdrawAlumniEndorsement(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The endorsement' }, ParseIdPipe) id: string) {
    return this.endorsements.withdraw(actor, id);
  }

  /** The endorsement as this person now sees it (through the same list and policy). */
  private async one(actor: Actor, endorseeId: string, id: string, loaders: LoaderRegistry): Promise<AlumniEndorsementObject> {
    loaders.clear();
    const page = await this.endorsements.list(actor, endorseeId, { first: 1 }, loaders, id);
    if (!page.edges.length) throw new NotFoundError('AlumniEndorsement', id);
    return page.edges[0].node;
  }
}
