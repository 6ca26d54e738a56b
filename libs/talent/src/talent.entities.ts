import { ContactQuotaEntity } from './contact/contact-quota.entity';
import { ContactRequestEntity } from './contact/contact-request.entity';
import { SavedSearchEntity, SavedSearchMatchEntity } from './saved/saved-search.entity';
import { TalentDocumentEntity } from './search/talent-document.entity';

export const TALENT_ENTITIES = [TalentDocumentEntity, ContactRequestEntity, ContactQuotaEntity, SavedSearchEntity, SavedSearchMatchEntity];
