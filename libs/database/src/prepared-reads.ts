import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseEndpoint } from './database-endpoint';

/** Distinct statement texts that get a name; any others run unnamed (a client cannot grow this). */
const MAX_NAMED = 64;

/**
 * A statement `pg` sends as a named prepared statement: parsed and planned once per connection,
 * then only bound and executed. Logged and counted as its text (toString).
 */
class NamedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

/**
 * Hot reads sent as prepared statements. For a small statement run hundreds of times a second
 * (my shifts), PostgreSQL spends more CPU parsing and planning it than running it; TypeORM sends
 * every statement unnamed, so each one is planned again. A server only: PGlite serves every
 * socket from one session, where a name prepared by one connection would already exist for the
 * next one. Only texts the code builds from a selection (placeholders for every value), at most
 * MAX_NAMED of them per process.
 */
@Injectable()
export class PreparedReads {
  private readonly names = new Map<string, string>();
  private readonly enabled: boolean;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    endpoint: DatabaseEndpoint,
  ) {
    this.enabled = endpoint.kind === 'server';
  }

  /**
   * Through `manager` when given (a unit of work's: its statements stay on its connection; pg
   * remembers per connection which names it has prepared), else through the pool.
   */
  query<T>(text: string, params: unknown[], manager?: EntityManager): Promise<T> {
    const name = this.enabled ? this.nameOf(text) : undefined;
    // TypeORM hands the query to pg's Client.query as it is, which takes a { name, text } config.
    return (manager ?? this.dataSource.manager).query<T>((name ? new NamedStatement(name, text) : text) as string, params);
  }

  private nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (!name && this.names.size < MAX_NAMED) {
      name = `baton_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return name;
  }
}
