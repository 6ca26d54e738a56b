import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { CHANGES_CHANNEL, DatabaseNotifications } from './database-notifications';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface BatonDataSourceOptions {
  url: string;
  poolSize: number;
  runMigrations: boolean;
  entities: DataSourceOptions['entities'];
  /** The schema history, in order; the app's composition root passes it (this lib knows none). */
  migrations: Function[];
  applicationName?: string;
  /** Every connection LISTENs and hands what it hears here (the app; tools and tests need not). */
  notifications?: DatabaseNotifications;
}

/**
 * When the server kills a backend (failover, pg_terminate_backend) while the pool is closing
 * that client, pg emits 'error' on a Client that nobody listens to any more, and an unhandled
 * 'error' event ends the process. Queries still see their own errors; this only keeps the
 * process alive, and the pool replaces the dead connection.
 */
class ResilientClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', () => undefined);
  }
}

type ConnectCallback = (error?: Error) => void;

/**
 * A pool connection that LISTENs before its first query (pg runs a client's queries in order, and
 * the pool hands it out only once this is done). The notifications this session causes come back
 * on it before its statement returns, which is what makes a write visible to the caches at once.
 */
function listeningClient(notifications: DatabaseNotifications): typeof Client {
  return class ListeningClient extends ResilientClient {
    constructor(config?: ConstructorParameters<typeof Client>[0]) {
      super(config);
      this.on('notification', (message) => {
        if (message.channel === CHANGES_CHANNEL && message.payload) notifications.receive(message.payload);
      });
    }

    override connect(): Promise<Client>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<Client> | void {
      const listening = super.connect().then(async () => {
        await this.query(`LISTEN ${CHANGES_CHANNEL}`);
        return this as Client;
      });
      if (!callback) return listening;
      listening.then(() => callback(), callback);
    }
  } as unknown as typeof Client;
}

/** The one place TypeORM is configured; the API, the CLI and the tests all come through here. */
export function dataSourceOptions(options: BatonDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: options.runMigrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: {
      Client: options.notifications ? listeningClient(options.notifications) : ResilientClient,
      max: options.poolSize,
      // Without these a dead server leaves requests waiting forever instead of failing cleanly.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      application_name: options.applicationName ?? 'baton',
    },
  };
}
