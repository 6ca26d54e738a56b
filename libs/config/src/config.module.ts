import { DynamicModule, Global, Module } from '@nestjs/common';
import { BatonConfig } from './baton-config';
import { validateEnvironment } from './environment';

/**
 * Why not @nestjs/config's ConfigService: its `get('KEY')` is stringly typed. Baton validates the
 * environment once with class-validator and injects one typed object instead.
 */
@Global()
@Module({})
export class BatonConfigModule {
  /**
   * `overrides` win over the environment without writing to process.env: the CLI turns off
   * boot-time migrations and demo seeding this way (DomainModule.forRoot's `config`).
   */
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: BatonConfigModule,
      providers: [{ provide: BatonConfig, useFactory: () => loadConfig(overrides) }],
      exports: [BatonConfig],
    };
  }
}

/** The validated configuration, also usable outside Nest (CLI, benchmarks). */
export function loadConfig(overrides: Record<string, string | undefined> = {}): BatonConfig {
  return new BatonConfig(validateEnvironment({ ...process.env, ...overrides }));
}
