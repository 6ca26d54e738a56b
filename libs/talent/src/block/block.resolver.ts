import { AlumniPermission } from '@baton/alumni';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { OrganisationBlockObject } from './dto/block.dto';
import { BlockService } from './block.service';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => OrganisationBlockObject)
export class BlockResolver {
  constructor(private readonly blocks: BlockService) {}

  @Mutation(() => [OrganisationBlockObject], {
    description: 'Alumni: block an organisation; its recruiters see nothing of you and its pending requests are declined. Returns your blocks',
  })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  blockOrganisation(@CurrentActor() actor: Actor, @Args('organisationId', { type: () => ID, description: 'The organisation' }, ParseIdPipe) id: string) {
    return this.blocks.block(actor, id);
  }

  @Mutation(() => [OrganisationBlockObject], { description: 'Alumni: lift a block; returns your blocks' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  unblockOrganisation(@CurrentActor() actor: Actor, @Args('organisationId', { type: () => ID, description: 'The organisation' }, ParseIdPipe) id: string) {
    return this.blocks.unblock(actor, id);
  }

  @Query(() => [OrganisationBlockObject], { description: 'Alumni: the organisations you blocked, by name' })
  @Allow(AlumniPermission.ALUMNI_PROFILE)
  myOrganisationBlocks(@CurrentActor() actor: Actor) {
    return this.blocks.list(actor);
  }
}
