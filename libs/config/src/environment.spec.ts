import { loadConfig } from './config.module';
import { validateEnvironment } from './environment';

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
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: undefined });
    expect(prod.graphql).toMatchObject({ ide: false, introspection: false });
    expect(prod.database.seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgresql://h/db' }).database.seedDemo).toBe(false);
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
