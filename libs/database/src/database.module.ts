import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatonConfig } from '@baton/config';
import { DataSource } from 'typeorm';
import { DatabaseChangeFeed } from './database-change-feed';
import { DatabaseEndpoint } from './database-endpoint';
import { PreparedReads } from './prepared-reads';
import { DatabaseNotifications } from './database-notifications';
import { dataSourceOptions } from './data-source-options';
import { TransactionRunner } from './transaction';
import { DatabasePrivacyContributor } from './privacy/database-privacy.contributor';

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
  providers: [
    { provide: DatabaseEndpoint, inject: [BatonConfig], useFactory: (config: BatonConfig) => DatabaseEndpoint.open(config) },
    // On the embedded database only this process writes, through its own listening pool.
    {
      provide: DatabaseNotifications,
      inject: [DatabaseEndpoint],
      useFactory: (endpoint: DatabaseEndpoint) => new DatabaseNotifications({ live: endpoint.kind === 'embedded' }),
    },
  ],
  exports: [DatabaseEndpoint, DatabaseNotifications],
})
class DatabaseEndpointModule {}

/**
 * Starts the change feed once the libs have said what they listen to (a server only), and on
 * shutdown stops it, then destroys the pool before stopping the embedded server, so no
 * connection is cut mid-query.
 */
@Injectable()
class DatabaseLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private feed?: DatabaseChangeFeed;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly endpoint: DatabaseEndpoint,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.endpoint.kind !== 'server' || !this.notifications.hasHandlers) return;
    this.feed = new DatabaseChangeFeed(this.endpoint.url, this.notifications);
    await this.feed.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
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
          inject: [BatonConfig, DatabaseEndpoint, DatabaseNotifications],
          useFactory: (config: BatonConfig, endpoint: DatabaseEndpoint, notifications: DatabaseNotifications) => {
            new Logger('Database').log(`Using ${endpoint.kind === 'embedded' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server'}`);
            return {
              ...dataSourceOptions({
                url: endpoint.url,
                poolSize: endpoint.kind === 'embedded' ? EMBEDDED_POOL_SIZE : config.database.poolSize,
                runMigrations: config.database.runMigrations,
                entities: [],
                migrations: options.migrations,
                notifications,
              }),
              autoLoadEntities: true,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
        }),
      ],
      providers: [TransactionRunner, PreparedReads, DatabaseLifecycle, DatabasePrivacyContributor],
      exports: [TransactionRunner, PreparedReads, DatabaseEndpointModule],
    };
  }
}
