import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BatonConfig } from '@baton/config';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health.controller';
import { loggerParams } from './logging';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

@Global()
@Module({
  imports: [
    LoggerModule.forRootAsync({ inject: [BatonConfig], useFactory: loggerParams }),
    TerminusModule.forRoot({ logger: false, gracefulShutdownTimeoutMs: 0 }),
  ],
  controllers: [HealthController, MetricsController],
  providers: [Metrics],
  exports: [Metrics],
})
export class ObservabilityModule {}
