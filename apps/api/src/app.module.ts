import { Module } from '@nestjs/common';
import { DemoModule } from '@baton/demo';
import { BatonGraphqlModule } from '@baton/graphql';
import { ObservabilityModule } from '@baton/observability';
import { DomainModule } from './domain.module';

@Module({
  imports: [DomainModule, ObservabilityModule, BatonGraphqlModule, DemoModule],
})
export class AppModule {}
