import { Actor } from '@baton/auth';
import { UserObject } from '../user/user.object';

/** The users row `me` answers with, read in the actor's own statement. */
export type ActorProfile = Pick<UserObject, 'id' | 'email' | 'displayName' | 'status' | 'lastLoginAt' | 'createdAt'>;

/**
 * Keyed by the Actor object itself, so a profile lives exactly as long as its actor: when the
 * actor cache drops a session (the users trigger reports display name and last sign-in too, see
 * migration ActorProfileNotifications), the profile goes with it, and an actor read fresh brings
 * a fresh one.
 */
export const actorProfiles = new WeakMap<Actor, ActorProfile>();
