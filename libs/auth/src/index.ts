/** Authentication and authorisation: the global guard, roles, the permission registry, scopes. */
export { Role } from './role';
export { AuthPermission, definePermissions, permissionSet, type Permission, type PermissionSet } from './permission';
export { PermissionRegistry, type RolePermissions } from './permission-registry';
export { Actor, type Grant } from './actor';
export { ActorLoader, type AccessTokenClaims } from './actor-loader';
export { AccessService, type Scope } from './access.service';
export { Allow, CurrentActor, Public, PERMISSIONS_KEY, PUBLIC_KEY, requestFrom } from './decorators';
export { BatonAuthGuard } from './auth.guard';
export { LoginThrottle } from './login-throttle';
export { RequestBudget, RequestBudgets, type BudgetOptions } from './request-budgets';
export { AuthModule } from './auth.module';
