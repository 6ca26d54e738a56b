/** Audit trail: who did what, when, with before and after. */
export { AuditModule } from './audit.module';
export { AuditService, type AuditRecord } from './audit.service';
export { AuditEntryEntity } from './audit-entry.entity';
/** The GraphQL type of an audit record, for domain libs that add edges to it. */
export { AuditEntryObject } from './audit.resolver';
export { AuditPermission, auditPermissions } from './audit.permissions';
