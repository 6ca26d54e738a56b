/** Organisations: the committee, partners, contractors, volunteer programmes. */
export { OrganisationsModule } from './organisations.module';
export { OrganisationEntity, OrganisationKind } from './organisation/organisation.entity';
export { OrganisationService, toOrganisationObject } from './organisation/organisation.service';
export { OrganisationObject } from './organisation/organisation.dto';
/** DataLoader factory: organisations by id, for graph edges. */
export { OrganisationLoader } from './organisation/organisation.loader';
export { OrganisationsPermission, organisationsPermissions } from './organisations.permissions';
