import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { ConstraintsModule } from '@baton/database';
import { IdentityModule } from '@baton/identity';
import { AccountDeletionService } from './erasure/account-deletion.service';
import { ErasureRequestEntity } from './erasure/erasure-request.entity';
import { ErasureRequestService } from './erasure/erasure-request.service';
import { ErasureService } from './erasure/erasure.service';
import { DataExportService } from './export/data-export.service';
import { privacyPermissions } from './privacy.permissions';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyOwnContributor } from './registry/privacy-own.contributor';
import { PrivacyRegistry } from './registry/privacy-registry';
import { SubjectResolver } from './registry/subject-resolver';
import { RetentionNoticeEntity } from './retention/retention-notice.entity';
import { RetentionService } from './retention/retention.service';
import { privacyConstraints } from './privacy.constraints';

/** GDPR: data export, erasure (self-service and by request), retention, over every lib's contribution. */
@Module({
  imports: [
    AuthModule.forFeature(privacyPermissions),
    ConstraintsModule.forFeature(privacyConstraints),
    DiscoveryModule,
    TypeOrmModule.forFeature([ErasureRequestEntity, RetentionNoticeEntity]),
    IdentityModule,
  ],
  providers: [
    PrivacyRegistry,
    SubjectResolver,
    PrivacyOwnContributor,
    DataExportService,
    ErasureService,
    AccountDeletionService,
    ErasureRequestService,
    PrivacyResolver,
    RetentionService,
  ],
  exports: [PrivacyRegistry, ErasureService, DataExportService, RetentionService],
})
export class PrivacyModule {}
