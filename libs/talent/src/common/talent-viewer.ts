import { ProfileViewer, viewerFor } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { ForbiddenError } from '@baton/core';
import { LoaderRegistry } from '@baton/graphql';

/**
 * Who may search talent: recruiters (for their organisation: PARTNERS profiles of consenting
 * people who did not block it) and admins (support: what members see). The kinds come from the
 * alumni policy, so search and profiles by id can never disagree.
 */
export async function searchViewer(actor: Actor, loaders: LoaderRegistry): Promise<ProfileViewer> {
  return asSearchViewer(actor, await viewerFor(actor, loaders));
}

/** searchViewer's rule on a viewer already known. */
export function asSearchViewer(actor: Actor, viewer: ProfileViewer): ProfileViewer {
  if (actor.isAdmin) return { kind: 'ADMIN', userId: actor.userId };
  if (viewer.kind !== 'RECRUITER') throw new ForbiddenError('Talent search is for recruiters of a partner organisation');
  return viewer;
}
