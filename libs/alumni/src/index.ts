/** The alumni network: consent, profiles and CVs, endorsements, JSON Resume, the directory. */
export { AlumniModule } from './alumni.module';
export { ALUMNI_ENTITIES } from './alumni.entities';
export { AlumniVisibility, AlumniSection, LanguageLevel, ConsentPurpose, EndorsementRelation } from './common/alumni-enums';
/** Who sees what of a profile: the pure policy, and the same rule in SQL. */
export {
  profileAccess,
  endorsementVisible,
  viewerUserId,
  VISIBILITIES_SEEN_BY,
  type ProfileViewer,
  type ProfileSubject,
  type ProfileAccess,
} from './profile/profile-access';
export { visibleProfileSql, sectionVisibleSql, endorsementVisibleSql } from './profile/profile-access.sql';
/** The alumni part of a data export and an erasure (for the privacy registry). */
export { AlumniPrivacyService } from './privacy/alumni-privacy.service';
/** Copies the roster's record of a person's Games into their profile. */
export { GamesSnapshotService } from './profile/games-snapshot.service';
/** The invitations sent when an event closes (run by the event phase hook). */
export { AlumniInvitationService, ALUMNI_INVITATION_TTL_SECONDS } from './invitation/alumni-invitation.service';
export { AlumniConsentTextEntity } from './consent/consent-text.entity';
export { AlumniConsentEntity } from './consent/consent.entity';
export { AlumniInvitationEntity } from './invitation/alumni-invitation.entity';
export { AlumniProfileEntity } from './profile/profile.entity';
export {
  AlumniProfileSkillEntity,
  AlumniProfileLanguageEntity,
  AlumniExperienceEntity,
  AlumniEducationEntity,
  AlumniLinkEntity,
  AlumniGamesExperienceEntity,
  AlumniRecordPreferenceEntity,
} from './profile/profile-sections.entity';
export { AlumniEndorsementEntity, type EndorsementContext } from './endorsement/endorsement.entity';
export { toJsonResume } from './json-resume/json-resume';
export { AlumniPermission, alumniPermissions } from './alumni.permissions';
export { AlumniOrganisationBlockEntity } from './block/organisation-block.entity';
/** Profiles as a viewer may see them, the viewer of a request, the GraphQL profile type (for libs/talent). */
export { ProfileQueryService } from './profile/profile-query.service';
export { viewerFor, viewerOf, recruiterOrganisation } from './profile/viewer';
export type { ProfileRow } from './profile/profile.mapper';
export { AlumniProfileObject } from './profile/dto/profile.object';
export { toPositional, type SqlCondition } from './profile/profile-access.sql';
/** The text rules of every alumni input (trimmed NFC, no control characters), for the talent inputs too. */
export { IsCleanText, NormaliseText } from './common/text-rules';
export { ConsentRequiredError } from './common/alumni-errors';
