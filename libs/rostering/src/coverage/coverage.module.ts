import { Module } from '@nestjs/common';
import { CoverageResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';
import { CoverageCache } from './coverage-cache';

/** Staffing coverage: `coverage(eventId, …)`. Needs only the global DataSource, AccessService and Clock. */
@Module({
  providers: [CoverageService, CoverageResolver, CoverageCache],
  exports: [CoverageService],
})
export class CoverageModule {}
