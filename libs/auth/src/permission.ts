import { Role } from './role';

declare const permissionBrand: unique symbol;

/**
 * What an operation needs. Only `definePermissions` makes one, so `@Allow('THINGS_READ')` with a
 * bare string does not compile: every permission is a value some lib declared and owns.
 */
export type Permission<Name extends string = string> = Name & { readonly [permissionBrand]: true };

/**
 * A lib's permissions, named by the keys and described by the values (the description is kept
 * for listings). The result is a frozen map from name to branded permission.
 */
export function definePermissions<const T extends Record<string, string>>(described: T): { readonly [K in keyof T & string]: Permission<K> } {
  return Object.freeze(Object.fromEntries(Object.keys(described).map((name) => [name, name]))) as { readonly [K in keyof T & string]: Permission<K> };
}

/** The permissions of one lib and what each role gets of them; registered with AuthModule.forFeature. */
export interface PermissionSet {
  /** The lib that declares them; named in the error when two libs claim one permission. */
  readonly owner: string;
  readonly permissions: readonly Permission[];
  /** A role that is not listed gets none of this lib's permissions. */
  readonly roles: Partial<Record<Role, readonly Permission[]>>;
}

/** Typed so a lib can only hand out permissions of its own set. */
export function permissionSet<P extends Permission>(
  owner: string,
  permissions: Readonly<Record<string, P>>,
  roles: Partial<Record<Role, readonly P[]>>,
): PermissionSet {
  return { owner, permissions: Object.values(permissions), roles };
}

/** The one permission the mechanism itself owns: signed in, whatever one's grants. */
export const AuthPermission = definePermissions({
  AUTHENTICATED: 'Any signed-in person, whatever their role, even with no grant left.',
});
