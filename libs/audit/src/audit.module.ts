import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { auditPermissions } from './audit.permissions';

@Global()
@Module({
  imports: [AuthModule.forFeature(auditPermissions), TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
