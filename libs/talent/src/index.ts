/** The talent exchange: talent search for recruiters, contact by consent, organisation blocks, saved searches. */
export { TalentModule } from './talent.module';
export { TALENT_ENTITIES } from './talent.entities';
export { TalentPermission, talentPermissions } from './talent.permissions';
export { SavedSearchAlertsJob, SAVED_SEARCH_ALERTS_JOB } from './saved/saved-search-alerts.job';
