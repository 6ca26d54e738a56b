import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatonConfig } from '@baton/config';
import { DataSource } from 'typeorm';
import { DatabaseEndpoint } from './database-endpoint';
import { dataSourceOptions } from './data-source-options';
import { TransactionRunner } from './transaction';

/**
 * PGlite runs one backend session for every socket. pglite-socket serialises messages, not
 * extended-protocol exchanges: with many clients outside transactions, one client's Parse/Bind
 * can land between another's, and queries fail with "unnamed prepared statement does not exist"
 * (seen here from about 30 concurrent requests). PGlite executes one query at a time anyway, so
 * a single connection costs no throughput and rules that out. A query sent through the pool
 * while the same request holds the transaction would wait for that one connection: services
 * use the transaction's manager, and the pool's connect timeout turns a mistake into an error.
 */
export const EMBEDDED_POOL_SIZE = 1;

@Global()
@Module({
  providers: [{ provide: DatabaseEndpoint, inject: [BatonConfig], useFactory: (config: BatonConfig) => DatabaseEndpoint.open(config) }],
  exports: [DatabaseEndpoint],
})
class DatabaseEndpointModule {}

/** Destroys the pool before stopping the embedded server, so no connection is cut mid-query. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly endpoint: DatabaseEndpoint,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.endpoint.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `migrations` come from the composition root: a platform lib does not reach into the migration history. */
  static forRoot(options: { migrations: Function[] }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        DatabaseEndpointModule,
        TypeOrmModule.forRootAsync({
          inject: [BatonConfig, DatabaseEndpoint],
          useFactory: (config: BatonConfig, endpoint: DatabaseEndpoint) => {
            new Logger('Database').log(`Using ${endpoint.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server'}`);
            return {
              ...dataSourceOptions({
                url: endpoint.url,
                poolSize: endpoint.kind === 'embedded' ? EMBEDDED_POOL_SIZE : config.database.poolSize,
                runMigrations: config.database.runMigrations,
                entities: [],
                migrations: options.migrations,
              }),
              autoLoadEntities: true,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
        }),
      ],
      providers: [TransactionRunner, DatabaseLifecycle],
      exports: [TransactionRunner, DatabaseEndpointModule],
    };
  }
}
