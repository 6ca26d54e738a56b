import { Module } from '@nestjs/common';
import { CoverageResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';

/** Staffing coverage: `coverage(eventId, …)`. Needs only the global DataSource, AccessService and Clock. */
@Module({
  providers: [CoverageService, CoverageResolver],
  exports: [CoverageService],
})
export class CoverageModule {}
