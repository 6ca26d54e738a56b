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
  /** The background job queue: list jobs, see their progress, cancel them. */
  JOBS_MANAGE = 'JOBS_MANAGE',
  /** The staff directory of an event (contact details need the staff member in one's scope). */
  STAFF_READ = 'STAFF_READ',
  STAFF_MANAGE = 'STAFF_MANAGE',
  /** Shifts of an event; staff see the public part. */
  SHIFTS_READ = 'SHIFTS_READ',
  SHIFTS_MANAGE = 'SHIFTS_MANAGE',
  /** Assign, unassign, check in others, coverage, replacements. */
  ROSTER_MANAGE = 'ROSTER_MANAGE',
  /** Working-time rule configuration and overriding a blocking rule. */
  RULES_MANAGE = 'RULES_MANAGE',
  /** A staff member's own roster: my shifts, confirm, decline, sign up, availability. */
  SELF_SERVICE = 'SELF_SERVICE',
  // Verified Games records (libs/credentials).
  /** One's own verified Games records: list them, hide or show them. */
  RECORDS_OWN = 'RECORDS_OWN',
  /** Issue, revoke and reissue records; rotate and revoke the issuer's signing keys (organising committee HR). */
  RECORDS_MANAGE = 'RECORDS_MANAGE',

  // Alumni network (libs/alumni). Kept together: they move into the lib with the coming refactor.
  /** One's own alumni profile, CV and endorsements given or received (the network also needs one's consent). */
  ALUMNI_PROFILE = 'ALUMNI_PROFILE',
  /** Other members' profiles and the directory, as their visibility allows. */
  ALUMNI_DIRECTORY = 'ALUMNI_DIRECTORY',
  /** Consent texts of the alumni network. */
  ALUMNI_ADMIN = 'ALUMNI_ADMIN',

  // Talent exchange (libs/talent).
  /** Recruiters: search talent, profiles by id, contact requests, saved searches, for their organisation. */
  TALENT_SEARCH = 'TALENT_SEARCH',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: Object.values(Permission),
  [Role.COORDINATOR]: [
    Permission.AUTHENTICATED,
    Permission.EVENTS_READ,
    Permission.ORGANISATIONS_READ,
    Permission.USERS_INVITE,
    Permission.STAFF_READ,
    Permission.STAFF_MANAGE,
    Permission.SHIFTS_READ,
    Permission.SHIFTS_MANAGE,
    Permission.ROSTER_MANAGE,
  ],
  [Role.STAFF]: [
    Permission.AUTHENTICATED,
    Permission.EVENTS_READ,
    Permission.ORGANISATIONS_READ,
    Permission.SHIFTS_READ,
    Permission.SELF_SERVICE,
    Permission.RECORDS_OWN,
  ],
  [Role.ALUMNUS]: [Permission.AUTHENTICATED, Permission.ORGANISATIONS_READ, Permission.RECORDS_OWN, Permission.ALUMNI_PROFILE, Permission.ALUMNI_DIRECTORY],
  [Role.RECRUITER]: [Permission.AUTHENTICATED, Permission.ORGANISATIONS_READ, Permission.TALENT_SEARCH],
};
