import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AlumniProfileObject, viewerFor } from '@baton/alumni';
import { GraphqlContext } from '@baton/graphql';
import { AlumniContactObject } from './dto/contact.dto';
import { ContactLoader } from './contact.loader';

/**
 * Contact details on a profile. The profile object exists only if the policy let this viewer see
 * it (blocked, withdrawn, private: no profile, so no contact); then the person themself sees
 * theirs, and a recruiter sees them once the person accepted a request from the recruiter's
 * organisation. Members and admins never do: the network shows CVs, not addresses.
 */
@Resolver(() => AlumniProfileObject)
export class ContactFieldResolver {
  @ResolveField(() => AlumniContactObject, {
    nullable: true,
    description: 'How to reach the person: yours, or theirs once they accepted a contact request from your organisation; otherwise null',
  })
  async contact(@Parent() profile: AlumniProfileObject, @Context() context: GraphqlContext): Promise<AlumniContactObject | null> {
    const loader = context.loaders.get(ContactLoader);
    if (profile.isMine) return loader.load({ userId: profile.userId, organisationId: null });
    const viewer = await viewerFor(context.req.user, context.loaders);
    if (viewer.kind !== 'RECRUITER') return null;
    return loader.load({ userId: profile.userId, organisationId: viewer.organisationId });
  }
}
