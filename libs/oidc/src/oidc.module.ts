import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@baton/identity';
import { OidcProviderEntity } from './provider/oidc-provider.entity';
import { OidcProviderResolver } from './provider/oidc-provider.resolver';
import { OidcProviderService } from './provider/oidc-provider.service';
import { AccountLinker } from './sign-in/account-linker';
import { OidcClient } from './sign-in/oidc-client';
import { OidcIdentityEntity } from './sign-in/oidc-identity.entity';
import { OidcSignInRequestEntity } from './sign-in/oidc-sign-in-request.entity';
import { OidcSignInController } from './sign-in/oidc-sign-in.controller';
import { OidcSignInService } from './sign-in/oidc-sign-in.service';
import { OidcSignInThrottle } from './sign-in/oidc-sign-in.throttle';
import { OidcPrivacyContributor } from './privacy/oidc-privacy.contributor';

@Module({
  imports: [TypeOrmModule.forFeature([OidcProviderEntity, OidcSignInRequestEntity, OidcIdentityEntity]), IdentityModule],
  controllers: [OidcSignInController],
  providers: [OidcPrivacyContributor, OidcProviderService, OidcProviderResolver, OidcClient, AccountLinker, OidcSignInService, OidcSignInThrottle],
  exports: [OidcProviderService],
})
export class OidcModule {}
