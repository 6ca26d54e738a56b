import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { CHANGES_CHANNEL, DatabaseNotifications } from './database-notifications';

/** Wait before reconnecting after the feed connection was lost. */
const RETRY_MS = 1_000;

/**
 * One connection that only LISTENs, so the changes of other processes are heard even when the
 * pool has closed every idle connection. While it is down `notifications.live` is false (the
 * caches that depend on it stop answering); it reconnects every second.
 * Not used on the embedded database: only this process can write there, through its own pool.
 */
export class DatabaseChangeFeed {
  private readonly logger = new Logger('DatabaseChangeFeed');
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'baton-changes', connectionTimeoutMillis: 5_000 });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      this.notifications.setLive(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Change feed lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.retry = setTimeout(() => void this.connect(), RETRY_MS);
    };
    // An unheard 'error' would end the process (a killed backend, a restart).
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) this.notifications.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost || this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.notifications.setLive(true);
  }
}
