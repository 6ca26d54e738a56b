import { AlumniOrganisationBlockEntity } from './block/organisation-block.entity';
import { AlumniConsentTextEntity } from './consent/consent-text.entity';
import { AlumniConsentEntity } from './consent/consent.entity';
import { AlumniEndorsementEntity } from './endorsement/endorsement.entity';
import { AlumniInvitationEntity } from './invitation/alumni-invitation.entity';
import {
  AlumniEducationEntity,
  AlumniExperienceEntity,
  AlumniGamesExperienceEntity,
  AlumniLinkEntity,
  AlumniProfileLanguageEntity,
  AlumniProfileSkillEntity,
  AlumniRecordPreferenceEntity,
} from './profile/profile-sections.entity';
import { AlumniProfileEntity } from './profile/profile.entity';

/** Every table of the alumni lib (the privacy registry will walk the same list). */
export const ALUMNI_ENTITIES = [
  AlumniConsentTextEntity,
  AlumniConsentEntity,
  AlumniInvitationEntity,
  AlumniProfileEntity,
  AlumniProfileSkillEntity,
  AlumniProfileLanguageEntity,
  AlumniExperienceEntity,
  AlumniEducationEntity,
  AlumniLinkEntity,
  AlumniGamesExperienceEntity,
  AlumniRecordPreferenceEntity,
  AlumniEndorsementEntity,
  AlumniOrganisationBlockEntity,
];
