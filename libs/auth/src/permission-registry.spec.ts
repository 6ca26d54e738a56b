import { Actor } from './actor';
import { AuthPermission, definePermissions, permissionSet } from './permission';
import { PermissionRegistry } from './permission-registry';
import { Role } from './role';

const Boats = definePermissions({ BOATS_READ: 'Read boats.', BOATS_SAIL: 'Sail boats.' });
const Kites = definePermissions({ KITES_FLY: 'Fly kites.' });
const grant = (role: Role) => ({ id: role, role, eventId: null, organisationId: null, venueIds: [], teamIds: [] });

describe('PermissionRegistry', () => {
  it('composes what each role gets from the sets of several libs', () => {
    const registry = new PermissionRegistry();
    registry.register(permissionSet('boats', Boats, { [Role.ADMIN]: [Boats.BOATS_READ, Boats.BOATS_SAIL], [Role.STAFF]: [Boats.BOATS_READ] }));
    registry.register(permissionSet('kites', Kites, { [Role.ADMIN]: [Kites.KITES_FLY], [Role.STAFF]: [Kites.KITES_FLY] }));
    expect(registry.permissionsOf(Role.STAFF)).toEqual(['BOATS_READ', 'KITES_FLY']);
    expect(registry.permissionsOf(Role.RECRUITER)).toEqual([]);
    expect(registry.declared()).toEqual([
      { permission: 'BOATS_READ', owner: 'boats' },
      { permission: 'BOATS_SAIL', owner: 'boats' },
      { permission: 'KITES_FLY', owner: 'kites' },
    ]);
    const member = new Actor(registry, 'u', 'u@x', [grant(Role.STAFF)]);
    expect(member.can(Boats.BOATS_READ)).toBe(true);
    expect(member.can(Boats.BOATS_SAIL)).toBe(false);
    expect(member.grantsWith(Kites.KITES_FLY)).toHaveLength(1);
  });

  it('gives AUTHENTICATED to every role without anyone declaring it', () => {
    const registry = new PermissionRegistry();
    expect(registry.allows(Role.RECRUITER, AuthPermission.AUTHENTICATED)).toBe(true);
    expect(new Actor(registry, 'u', 'u@x', []).can(AuthPermission.AUTHENTICATED)).toBe(true);
    expect(new Actor(registry, 'u', 'u@x', []).can(Boats.BOATS_READ)).toBe(false);
  });

  it('refuses a permission claimed by two libs, or AUTHENTICATED claimed by one', () => {
    const registry = new PermissionRegistry();
    registry.register(permissionSet('boats', Boats, {}));
    expect(() => registry.register(permissionSet('ships', definePermissions({ BOATS_READ: 'Again.' }), {}))).toThrow(
      /BOATS_READ of ships is already declared by boats/,
    );
    expect(() => registry.register(permissionSet('sneaky', definePermissions({ AUTHENTICATED: 'Mine.' }), {}))).toThrow(/already declared by auth/);
  });

  it('refuses a lib handing out a permission it does not declare', () => {
    const registry = new PermissionRegistry();
    const sneaky = { owner: 'kites', permissions: Object.values(Kites), roles: { [Role.COORDINATOR]: [Boats.BOATS_SAIL] } };
    expect(() => registry.register(sneaky)).toThrow(/kites grants [A-Z]+ permissions it does not declare: BOATS_SAIL/);
  });

  it('is sealed once the app has booted', () => {
    const registry = new PermissionRegistry();
    registry.onApplicationBootstrap();
    expect(() => registry.register(permissionSet('late', Kites, {}))).toThrow(/after startup/);
  });
});
