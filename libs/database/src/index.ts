/** Database: PostgreSQL (server or embedded), TypeORM options, transactions, error mapping. */
export { DatabaseModule } from './database.module';
export { DatabaseEndpoint } from './database-endpoint';
export { DatabaseNotifications, CHANGES_CHANNEL, type DatabaseChange } from './database-notifications';
export { EmbeddedPostgres, embeddedDataExists } from './embedded-postgres';
export { dataSourceOptions } from './data-source-options';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { TransactionRunner, TRANSACTION_ATTEMPTS, type Tx } from './transaction';
export { describeConstraint, mapDatabaseError, translateConstraint, translateForUseCase } from './database-errors';
export { pendingSchemaChanges } from './schema-diff';
