import { ConstraintsModule } from '@baton/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { AccountService } from './auth/account.service';
import { AuthResolver } from './auth/auth.resolver';
import { CredentialsService } from './auth/credentials.service';
import { GqlLocalAuthGuard } from './auth/local-auth.guard';
import { LocalStrategy } from './auth/local.strategy';
import { RoleGrantEntity } from './grant/role-grant.entity';
import { AuditEntryEdgesResolver, InvitationEdgesResolver, RoleGrantEdgesResolver } from './graph/identity-edges.resolver';
import { UserLoader } from './graph/user.loader';
import { IdentityActorLoader } from './identity-actor.loader';
import { InvitationEntity } from './invitation/invitation.entity';
import { InvitationHooks } from './invitation/invitation-hooks';
import { InvitationResolver } from './invitation/invitation.resolver';
import { InvitationService } from './invitation/invitation.service';
import { BulkInvitationService } from './invitation/bulk-invitation.service';
import { PasswordHasher } from './password/password-hasher';
import { PasswordResetEntity } from './password/password-reset.entity';
import { RefreshTokenEntity } from './session/refresh-token.entity';
import { SessionService } from './session/session.service';
import { TokenRowRepository } from './token/token-row.repository';
import { ActorCache } from './session/actor-cache';
import { FirstAdminService } from './user/first-admin.service';
import { UserDirectoryService } from './user/user-directory.service';
import { UserEntity } from './user/user.entity';
import { UserResolver } from './user/user.resolver';
import { identityPermissions } from './identity.permissions';
import { IdentityPrivacyContributor } from './privacy/identity-privacy.contributor';
import { identityConstraints } from './identity.constraints';

/** The actor loader lives in its own module so AuthModule can import it without the resolvers. */
@Module({
  providers: [IdentityActorLoader, ActorCache],
  exports: [IdentityActorLoader, ActorCache],
})
export class IdentityActorModule {}

@Module({
  imports: [
    IdentityActorModule,
    AuthModule.forFeature(identityPermissions),
    ConstraintsModule.forFeature(identityConstraints),
    TypeOrmModule.forFeature([UserEntity, RoleGrantEntity, RefreshTokenEntity, InvitationEntity, PasswordResetEntity]),
  ],
  providers: [
    PasswordHasher,
    IdentityPrivacyContributor,
    CredentialsService,
    LocalStrategy,
    GqlLocalAuthGuard,
    TokenRowRepository,
    SessionService,
    AccountService,
    UserDirectoryService,
    FirstAdminService,
    InvitationService,
    BulkInvitationService,
    InvitationHooks,
    AuthResolver,
    InvitationResolver,
    UserResolver,
    UserLoader,
    RoleGrantEdgesResolver,
    InvitationEdgesResolver,
    AuditEntryEdgesResolver,
  ],
  exports: [
    IdentityActorModule,
    PasswordHasher,
    SessionService,
    UserDirectoryService,
    BulkInvitationService,
    FirstAdminService,
    InvitationService,
    InvitationHooks,
    UserLoader,
  ],
})
export class IdentityModule {}
