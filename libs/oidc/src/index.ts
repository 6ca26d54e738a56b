/** Partner sign-in: an organisation's OpenID Connect provider, and recruiters signing in through it. */
export { OidcModule } from './oidc.module';
export { OidcProviderEntity } from './provider/oidc-provider.entity';
export { OidcSignInRequestEntity } from './sign-in/oidc-sign-in-request.entity';
/** A provider identity (issuer, subject) linked to an account. */
export { OidcIdentityEntity } from './sign-in/oidc-identity.entity';
