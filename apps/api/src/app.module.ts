import { Module } from '@nestjs/common';
import { DomainModule } from '@baton/composition';
import { DemoModule } from '@baton/demo';
import { BatonGraphqlModule } from '@baton/graphql';
import { ObservabilityModule } from '@baton/observability';

@Module({
  imports: [DomainModule.forRoot({ role: 'api' }), ObservabilityModule, BatonGraphqlModule, DemoModule],
})
export class AppModule {}
