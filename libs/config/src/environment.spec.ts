import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.module';
import { validateEnvironment } from './environment';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  it('has working defaults with nothing set', () => {
    const env = validateEnvironment({ NODE_ENV: 'test' });
    expect(env).toMatchObject({ PORT: 3000, DB_POOL_SIZE: 10, MIGRATIONS_RUN: true, LOG_LEVEL: 'info' });
  });

  it('reports every bad variable at once, each on its own line', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DB_POOL_SIZE: '0', LOG_LEVEL: 'loud' })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^Invalid configuration:\n(\s+- (PORT|DATABASE_URL|DB_POOL_SIZE|LOG_LEVEL)=.*\n?){4}$/) }),
    );
  });

  it('requires a long JWT secret in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required in production/);
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('turns IDE and introspection on in development only, and seeds demo data only for the embedded development database', () => {
    const dev = loadConfig({ NODE_ENV: 'development', DATABASE_URL: undefined, BATON_DATA_DIR: '/tmp/baton-config-spec' });
    expect(dev.graphql).toMatchObject({ ide: true, introspection: true });
    expect(dev.database.seedDemo).toBe(true);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEYS: `k1:${KEY}`, DATABASE_URL: undefined });
    expect(prod.graphql).toMatchObject({ ide: false, introspection: false });
    expect(prod.database.seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://h/db' }).database.seedDemo).toBe(false);
  });

  it('requires data encryption keys in production, and reports a bad list without echoing the keys', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => validateEnvironment(base)).toThrow(/DATA_ENCRYPTION_KEYS: required in production/);
    const secret = Buffer.alloc(16, 9).toString('base64');
    const attempt = () => validateEnvironment({ ...base, DATA_ENCRYPTION_KEYS: `k1:${secret},k1:${KEY},:${KEY}` });
    expect(attempt).toThrow(/entry 1 \("k1"\): the key must be 32 bytes/);
    expect(attempt).toThrow(/entry 2: the id "k1" is listed twice/);
    expect(attempt).toThrow(/entry 3: an id of 1 to 32/);
    expect(attempt).toThrow(expect.objectContaining({ message: expect.not.stringContaining(secret) }));
  });

  it('reads the key list with the first key current, in standard or URL-safe base64', () => {
    const urlSafe = Buffer.alloc(32, 0xfb).toString('base64url');
    const config = loadConfig({ NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: ` new:${urlSafe} , old:${KEY}` });
    expect(config.encryption.keys.map((k) => k.id)).toEqual(['new', 'old']);
    expect(config.encryption.keys[0].key.equals(Buffer.alloc(32, 0xfb))).toBe(true);
    expect(config.encryption.keys[1].key.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('keeps a generated development key in the data folder, so a restart can still decrypt', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-config-'));
    try {
      const first = loadConfig({ NODE_ENV: 'development', BATON_DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: undefined }).encryption.keys;
      const again = loadConfig({ NODE_ENV: 'development', BATON_DATA_DIR: dataDir, DATA_ENCRYPTION_KEYS: undefined }).encryption.keys;
      expect(first).toHaveLength(1);
      expect(again[0].key.equals(first[0].key)).toBe(true);
      expect(statSync(join(dataDir, 'data-encryption-key')).mode & 0o077).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('JOBS says where jobs run: api by default, off in tests; anything else is refused', () => {
    expect(loadConfig({ NODE_ENV: 'development', JOBS: undefined }).jobs.mode).toBe('api');
    expect(loadConfig({ NODE_ENV: 'test', JOBS: undefined }).jobs.mode).toBe('off');
    expect(loadConfig({ NODE_ENV: 'test', JOBS: 'worker' }).jobs.mode).toBe('worker');
    expect(() => validateEnvironment({ JOBS: 'sometimes' })).toThrow(/JOBS="sometimes"/);
  });

  it('BACKGROUND_JOBS is refused with a pointer to JOBS, whatever its value', () => {
    expect(() => validateEnvironment({ BACKGROUND_JOBS: 'false' })).toThrow(/BACKGROUND_JOBS="false": replaced by JOBS/);
    expect(() => validateEnvironment({ BACKGROUND_JOBS: 'true' })).toThrow(/replaced by JOBS/);
  });

  it('reads JOB_INTERVALS as whole seconds per job name and refuses anything else', () => {
    expect(loadConfig({ NODE_ENV: 'test', JOB_INTERVALS: ' outbox.deliver=5, rostering.no-show-sweep=30 ' }).jobs.intervals).toEqual({
      'outbox.deliver': 5,
      'rostering.no-show-sweep': 30,
    });
    for (const bad of ['outbox.deliver', 'outbox.deliver=0', 'outbox.deliver=1.5', 'a=1;b=2', 'outbox.deliver=-3']) {
      expect(() => validateEnvironment({ JOB_INTERVALS: bad })).toThrow(/JOB_INTERVALS/);
    }
    expect(() => validateEnvironment({ JOB_THREADS: '0' })).toThrow(/JOB_THREADS/);
    expect(() => validateEnvironment({ JOB_POLL_SECONDS: '0.1' })).toThrow(/JOB_POLL_SECONDS/);
  });
});
