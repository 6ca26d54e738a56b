/** Identity: people, their credentials, sessions, invitations and role grants. */
export { IdentityModule, IdentityActorModule } from './identity.module';
export { IdentityActorLoader } from './identity-actor.loader';
export { UserEntity, UserStatus } from './user/user.entity';
export { RoleGrantEntity } from './grant/role-grant.entity';
export { RefreshTokenEntity } from './session/refresh-token.entity';
export { InvitationEntity } from './invitation/invitation.entity';
export { PasswordResetEntity } from './password/password-reset.entity';
export { PasswordHasher } from './password/password-hasher';
export { SessionService } from './session/session.service';
/** Per-session actors for a few seconds, dropped when the database notifies a change (no write path has to call it). */
export { ActorCache, ACTOR_CHANGED } from './session/actor-cache';
export { UserDirectoryService, type AccountSummary } from './user/user-directory.service';
/** Invitations for many people in a few statements (alumni invitations when an event closes). */
export { BulkInvitationService, type BulkInvitee, type BulkInvitationRequest, type BulkInvitationResult } from './invitation/bulk-invitation.service';
/** Invitations for other libs: create one inside their transaction, and act when one is accepted. */
export { InvitationService, type InvitationRequest } from './invitation/invitation.service';
export { InvitationHooks, type AcceptedInvitation, type InvitationAcceptedHandler } from './invitation/invitation-hooks';
export { InvitationObject, InvitationStatus } from './invitation/invitation.object';
export { type GrantSpec } from './grant/grant-spec';
/** The first administrator, from the command line. */
export { FirstAdminService, validateAdminRequest, type AdminRequest, type AdminOutcome } from './user/first-admin.service';
export { UserObject } from './user/user.object';
/** DataLoader factory: accounts by id for graph edges, seen by user managers and by their owner. */
export { UserLoader } from './graph/user.loader';
export { IdentityPermission, identityPermissions } from './identity.permissions';
