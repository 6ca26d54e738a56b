/** Verified Games records: figures from the roster and attendance, issued as signed Open Badges 3.0 credentials. */
export { CredentialsModule } from './credentials.module';
/**
 * Read API for other libs (alumni profiles, JSON Resume): `recordsForUsers(userIds, manager?)` gives
 * each account's valid, non-hidden records with their verification URL, batched;
 * `revokeForUser(manager, userId, reason, actorUserId?)` revokes and erases them (privacy erasure).
 */
export { GamesRecordService, type GamesRecordSummary } from './games-record/games-record.service';
/** DataLoader factory over recordsForUsers (LoaderRegistry.get(GamesRecordsByUserLoader).load(userId)). */
export { GamesRecordsByUserLoader } from './games-record/games-record.loader';
/** `issueForEvent(eventId, actorUserId | null)`: issues the records of a closed event (event-close hook, jobs, demo). */
export { GamesRecordIssuer } from './games-record/games-record-issuer.service';
export { GamesRecordStatus } from './games-record/games-record-status';
export { GamesRecordEntity } from './games-record/games-record.entity';
export { SigningKeyEntity, SigningKeyStatus } from './keys/signing-key.entity';
/** How worked hours are counted, and the pure computation behind the figures. */
export { computeWorkFigures, HOURS_RULE, type WorkFigures, type WorkEntry } from './games-record/work-figures';
export { CredentialsPermission, credentialsPermissions } from './credentials.permissions';
