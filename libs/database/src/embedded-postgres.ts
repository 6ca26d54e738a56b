import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
// PGlite ships ESM and CJS typings that TypeScript treats as different classes; only the
// runtime shape matters here.
type PGlite = { close(): Promise<void>; dumpDataDir(compression?: 'gzip' | 'none'): Promise<Blob> };
type PGLiteSocketServer = { start(): Promise<void>; stop(): Promise<void> };

export interface EmbeddedPostgresOptions {
  /** Folder for the data files; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  /** Must be at least the pool size: pglite-socket drops clients beyond it. */
  maxConnections: number;
  /** A dump made by `dumpDataDir()`, loaded instead of an empty cluster (tests clone a migrated template). */
  loadDataDir?: Blob;
}

/**
 * PostgreSQL (PGlite, a WASM build of PostgreSQL 18) running inside this process and served on
 * 127.0.0.1 through pglite-socket, so the app keeps one code path: TypeORM's ordinary `pg`
 * driver. PGlite executes one query at a time; the socket server queues and gives an open
 * transaction exclusive use, which is what makes it safe (typeorm-pglite is not: see STACK.md).
 */
export class EmbeddedPostgres {
  private constructor(
    readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile?: string,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const lockFile = options.dataDir ? acquireLock(options.dataDir) : undefined;
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
      const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
      const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
      const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
      const db = await PGlite.create(options.dataDir ? join(options.dataDir, 'pgdata') : undefined, {
        extensions: { btree_gist, pg_trgm, unaccent },
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      });
      const port = await freePort();
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections });
      await server.start();
      return new EmbeddedPostgres(db, server, `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, lockFile);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** A tarball of the data folder, loadable with `loadDataDir` (tests clone a migrated template this way). */
  dumpDataDir(): Promise<Blob> {
    return this.db.dumpDataDir('gzip');
  }

  async stop(): Promise<void> {
    await this.server.stop().catch(() => undefined);
    await this.db.close().catch(() => undefined);
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

/**
 * PGlite does not lock its data folder, and two processes writing it would corrupt it.
 * The lock holds our pid; a lock left by a process that no longer exists is taken over.
 */
function acquireLock(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'baton.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dataDir} is already used by process ${holder}. ` +
            'Stop that process, or set BATON_DATA_DIR to another folder, or DATABASE_URL to a PostgreSQL server.',
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function embeddedDataExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}
