import { Role } from './role';

/** What an operation needs. Roles are bundles of permissions; scopes come from the grant. */
export enum Permission {
  /** Any signed-in person, whatever their role. */
  AUTHENTICATED = 'AUTHENTICATED',
  EVENTS_READ = 'EVENTS_READ',
  EVENTS_MANAGE = 'EVENTS_MANAGE',
  ORGANISATIONS_READ = 'ORGANISATIONS_READ',
  ORGANISATIONS_MANAGE = 'ORGANISATIONS_MANAGE',
  REFERENCE_MANAGE = 'REFERENCE_MANAGE',
  USERS_INVITE = 'USERS_INVITE',
  USERS_MANAGE = 'USERS_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  OUTBOX_READ = 'OUTBOX_READ',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: Object.values(Permission),
  [Role.COORDINATOR]: [Permission.AUTHENTICATED, Permission.EVENTS_READ, Permission.ORGANISATIONS_READ, Permission.USERS_INVITE],
  [Role.STAFF]: [Permission.AUTHENTICATED, Permission.EVENTS_READ, Permission.ORGANISATIONS_READ],
  [Role.ALUMNUS]: [Permission.AUTHENTICATED, Permission.ORGANISATIONS_READ],
  [Role.RECRUITER]: [Permission.AUTHENTICATED, Permission.ORGANISATIONS_READ],
};
