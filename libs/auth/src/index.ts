/** Authentication and authorisation: the global guard, roles, permissions, scopes. */
export { Role } from './role';
export { Permission, ROLE_PERMISSIONS } from './permission';
export { Actor, type Grant } from './actor';
export { ActorLoader, type AccessTokenClaims } from './actor-loader';
export { AccessService, type Scope } from './access.service';
export { Allow, CurrentActor, Public, PERMISSIONS_KEY, PUBLIC_KEY, requestFrom } from './decorators';
export { BatonAuthGuard } from './auth.guard';
export { LoginThrottle } from './login-throttle';
export { AuthModule } from './auth.module';
