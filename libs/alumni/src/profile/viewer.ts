import { Actor, Role } from '@baton/auth';
import { LoaderRegistry } from '@baton/graphql';
import { MembershipLoader } from './profile.loaders';
import { ProfileViewer } from './profile-access';

/**
 * Which kind of viewer the signed-in person is for this request. Membership is read from the
 * consents table (once per request through the loader), so a withdrawal counts from the next
 * request on. A recruiter who is not a member is a RECRUITER viewer for the organisation of their
 * first RECRUITER grant (who blocked it is read with each profile); a recruiter who is also a member sees as a member, which is never less.
 */
export async function viewerFor(actor: Actor | undefined, loaders: LoaderRegistry): Promise<ProfileViewer> {
  if (!actor) return { kind: 'ANONYMOUS' };
  if (actor.isAdmin) return { kind: 'ADMIN', userId: actor.userId };
  return viewerOf(actor, await loaders.get(MembershipLoader).load(actor.userId));
}

/**
 * viewerFor with the membership already known: for a caller that remembers it and knows when it
 * changes (the talent search follows the consents through its change log).
 */
export function viewerOf(actor: Actor, member: boolean): ProfileViewer {
  if (actor.isAdmin) return { kind: 'ADMIN', userId: actor.userId };
  if (member) return { kind: 'MEMBER', userId: actor.userId };
  const organisationId = recruiterOrganisation(actor);
  if (organisationId) return { kind: 'RECRUITER', userId: actor.userId, organisationId };
  return { kind: 'OUTSIDER', userId: actor.userId };
}

/** The organisation a recruiter acts for: their first RECRUITER grant's; null for anyone else. */
export function recruiterOrganisation(actor: Actor): string | null {
  return actor.grants.find((g) => g.role === Role.RECRUITER && g.organisationId)?.organisationId ?? null;
}
