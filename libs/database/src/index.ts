/** Database: PostgreSQL (server or embedded), TypeORM options, transactions, error mapping. */
export { DatabaseModule } from './database.module';
export { DatabaseEndpoint } from './database-endpoint';
export { DatabaseNotifications, CHANGES_CHANNEL, type DatabaseChange } from './database-notifications';
export { EmbeddedPostgres, embeddedDataExists } from './embedded-postgres';
export { dataSourceOptions } from './data-source-options';
export { SnakeNamingStrategy } from './snake-naming.strategy';
export { TransactionRunner, TRANSACTION_ATTEMPTS, type Tx } from './transaction';
/** Hot reads as prepared statements (planned once per connection) on a server. */
export { PreparedReads } from './prepared-reads';
export { mapDatabaseError, translateForUseCase } from './database-errors';
export { ConstraintsModule } from './constraints/constraints.module';
export { ConstraintRegistry, type ConstraintMeaning, type ConstraintSet, type ConstraintTranslation } from './constraints/constraint-registry';
export { pendingSchemaChanges } from './schema-diff';
export { camelRow, camelRows, type Affected, type CamelCase, type CamelRow, type StoredRow } from './sql/raw-rows';
