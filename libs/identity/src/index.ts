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
export { UserDirectoryService } from './user/user-directory.service';
export { UserObject } from './user/user.object';
/** DataLoader factory: accounts by id for graph edges, seen by user managers and by their owner. */
export { UserLoader } from './graph/user.loader';
