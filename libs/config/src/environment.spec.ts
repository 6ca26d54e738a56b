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
});
