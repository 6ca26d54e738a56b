/** Core: errors with stable codes, the injectable clock, token helpers. */
export * from './errors';
export { Clock, FixedClock, SystemClock } from './clock';
export { hashToken, randomToken, safeEqual } from './secrets';
export { CoreModule } from './core.module';
export { updateChanges } from './update-input';
/** The privacy contract every lib holding personal data implements (libs/privacy discovers them). */
export {
  PrivacyContributor,
  PRIVACY_CONTRIBUTION_METADATA,
  addIdentifier,
  identifierPatterns,
  ERASED_MARK,
  type PrivacyContribution,
  type PrivacyContext,
  type PrivacySubject,
  type PrivacyTableClaim,
} from './privacy-contribution';
