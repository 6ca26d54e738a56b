import { BatonConfig } from '@baton/config';
import { EmbeddedPostgres } from './embedded-postgres';

/** Where the app's PostgreSQL is: the configured server, or the embedded one started here. */
export class DatabaseEndpoint {
  constructor(
    readonly url: string,
    readonly embedded?: EmbeddedPostgres,
  ) {}

  get kind(): 'server' | 'embedded' {
    return this.embedded ? 'embedded' : 'server';
  }

  static async open(config: BatonConfig): Promise<DatabaseEndpoint> {
    if (config.database.url) return new DatabaseEndpoint(config.database.url);
    const embedded = await EmbeddedPostgres.start({ dataDir: config.database.dataDir, maxConnections: config.database.poolSize + 2 });
    return new DatabaseEndpoint(embedded.url, embedded);
  }

  async close(): Promise<void> {
    await this.embedded?.stop();
  }
}
