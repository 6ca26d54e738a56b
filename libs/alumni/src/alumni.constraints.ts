import type { ConstraintSet } from '@baton/database';

/** What the alumni tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const alumniConstraints: ConstraintSet = {
  owner: 'alumni',
  meanings: {
    alumni_consents_one_active: { field: 'consentTextId', message: 'You are already a member of the alumni network' },
    alumni_endorsements_once_key: { field: 'skillId', message: 'You already endorsed this skill' },
    alumni_endorsements_skill_fk: { field: 'skillId', message: 'This skill is no longer on the profile' },
    alumni_profile_skills_catalogue_key: { field: 'skills', message: 'This skill is listed twice' },
    alumni_profile_skills_name_key: { field: 'skills', message: 'This skill is listed twice' },
    alumni_profile_languages_pkey: { field: 'languages', message: 'This language is listed twice' },
    alumni_consent_texts_purpose_version_key: { field: 'version', message: 'Another version was published at the same time; try again' },
  },
};
