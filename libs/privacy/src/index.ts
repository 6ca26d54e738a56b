/**
 * Privacy (GDPR): exportMyData, deleteMyAccount, erasure requests and the retention job, over the
 * `@PrivacyContributor()` of every lib (the contract is in @baton/core, so platform libs contribute too).
 */
export { PrivacyModule } from './privacy.module';
/** Every contribution and every table claimed, for the coverage test and the erasure. */
export { PrivacyRegistry, type ClaimedTable } from './registry/privacy-registry';
/** `erase(manager, { userId } | { staffMemberIds }, actorUserId, cause)`: one person, in the caller's transaction. */
export { ErasureService, type ErasureOutcome } from './erasure/erasure.service';
export { DataExportService, EXPORT_FORMAT } from './export/data-export.service';
export { ErasureRequestEntity, ErasureRequestStatus } from './erasure/erasure-request.entity';
export { RetentionNoticeEntity } from './retention/retention-notice.entity';
/** The retention job (`privacy.retention`, nightly): notice, then erasure, of staff who never joined the network. */
export { RetentionService, RETENTION_JOB } from './retention/retention.service';
export { PrivacyPermission, privacyPermissions } from './privacy.permissions';
