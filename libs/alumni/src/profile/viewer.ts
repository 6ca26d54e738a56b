import { Actor } from '@baton/auth';
import { LoaderRegistry } from '@baton/graphql';
import { MembershipLoader } from './profile.loaders';
import { ProfileViewer } from './profile-access';

/**
 * Which kind of viewer the signed-in person is for this request. Membership is read from the
 * consents table (once per request through the loader), so a withdrawal counts from the next
 * request on. Recruiters get their kind when the talent exchange lands; until then they are
 * outsiders here.
 */
export async function viewerFor(actor: Actor | undefined, loaders: LoaderRegistry): Promise<ProfileViewer> {
  if (!actor) return { kind: 'ANONYMOUS' };
  if (actor.isAdmin) return { kind: 'ADMIN', userId: actor.userId };
  const member = await loaders.get(MembershipLoader).load(actor.userId);
  return member ? { kind: 'MEMBER', userId: actor.userId } : { kind: 'OUTSIDER', userId: actor.userId };
}
