import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfiguredEncryptionKey, developmentEncryptionKeys, parseEncryptionKeys } from './encryption-keys';
import { EnvironmentVariables } from './environment';

/** Typed, validated configuration: the only shape the rest of Baton sees. */
export class BatonConfig {
  readonly env: EnvironmentVariables['NODE_ENV'];
  readonly isProduction: boolean;
  readonly isDevelopment: boolean;
  readonly http: { port: number; host: string; publicUrl: string; trustProxy: boolean };
  readonly database: { url?: string; dataDir: string; poolSize: number; runMigrations: boolean; seedDemo: boolean };
  readonly redisUrl?: string;
  readonly auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    invitationTtlSeconds: number;
    passwordResetTtlSeconds: number;
    loginLimitPerAccount: number;
    loginLimitPerAddress: number;
    loginLimitWindowSeconds: number;
    actorCacheSeconds: number;
  };
  /** How long a computed coverage board is served again to viewers of the same scope (0: never), unless a change drops it first. */
  readonly coverage: { cacheSeconds: number };
  readonly graphql: { ide: boolean; introspection: boolean; maxDepth: number; maxAliases: number; maxCost: number };
  /** Key-encryption keys for secrets at rest (libs/crypto); the first one encrypts. */
  readonly encryption: { keys: readonly ConfiguredEncryptionKey[] };
  /** Verified Games records (libs/credentials). */
  readonly credentials: { issuerName: string; verifyLimitPerAddress: number; verifyLimitWindowSeconds: number };
  /** Partner sign-in (libs/oidc): the callback to register at each provider, where the browser lands after it. */
  readonly oidc: { callbackUrl: string; frontendUrl?: string; requestTtlSeconds: number; allowHttpIssuers: boolean };
  /** Retention (libs/privacy): staff who never joined the network are erased this long after their event ended, after a notice. */
  readonly privacy: { retentionMonths: number; retentionNoticeDays: number };
  /** The talent exchange (libs/talent): contact request quota per recruiter and day, and their lifetime. */
  readonly talent: { contactDailyLimit: number; contactTtlDays: number };
  readonly logLevel: string;
  /** The job queue: where jobs run (tests run them directly), threads for CPU-heavy ones, schedule overrides. */
  readonly jobs: { mode: 'api' | 'worker' | 'off'; threads: number; pollSeconds: number; intervals: Readonly<Record<string, number>> };

  constructor(env: EnvironmentVariables) {
    this.env = env.NODE_ENV;
    this.isProduction = env.NODE_ENV === 'production';
    this.isDevelopment = env.NODE_ENV === 'development';
    this.http = { port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL.replace(/\/$/, ''), trustProxy: env.TRUST_PROXY };
    const dataDir = resolve(env.BATON_DATA_DIR);
    this.database = {
      url: env.DATABASE_URL,
      dataDir,
      poolSize: env.DB_POOL_SIZE,
      runMigrations: env.MIGRATIONS_RUN,
      // Demo accounts have a published password: never created by default outside development.
      seedDemo: env.SEED_DEMO === 'auto' ? !env.DATABASE_URL && env.NODE_ENV === 'development' : env.SEED_DEMO === 'true',
    };
    this.redisUrl = env.REDIS_URL;
    this.auth = {
      jwtSecret: env.JWT_SECRET ?? developmentSecret(dataDir, env.NODE_ENV),
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TTL_SECONDS,
      invitationTtlSeconds: env.INVITATION_TTL_SECONDS,
      passwordResetTtlSeconds: env.PASSWORD_RESET_TTL_SECONDS,
      loginLimitPerAccount: env.LOGIN_LIMIT_PER_ACCOUNT,
      loginLimitPerAddress: env.LOGIN_LIMIT_PER_ADDRESS,
      loginLimitWindowSeconds: env.LOGIN_LIMIT_WINDOW_SECONDS,
      actorCacheSeconds: env.ACTOR_CACHE_SECONDS,
    };
    this.coverage = { cacheSeconds: env.COVERAGE_CACHE_SECONDS };
    const dev = !this.isProduction;
    this.graphql = {
      ide: env.GRAPHQL_IDE ?? this.isDevelopment,
      introspection: env.GRAPHQL_INTROSPECTION ?? dev,
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
    };
    this.encryption = {
      keys: env.DATA_ENCRYPTION_KEYS ? parseEncryptionKeys(env.DATA_ENCRYPTION_KEYS).keys : developmentEncryptionKeys(dataDir, env.NODE_ENV),
    };
    this.credentials = {
      issuerName: env.CREDENTIAL_ISSUER_NAME.trim(),
      verifyLimitPerAddress: env.VERIFY_LIMIT_PER_ADDRESS,
      verifyLimitWindowSeconds: env.VERIFY_LIMIT_WINDOW_SECONDS,
    };
    this.oidc = {
      callbackUrl: `${this.http.publicUrl}/auth/oidc/callback`,
      frontendUrl: env.OIDC_FRONTEND_URL,
      requestTtlSeconds: env.OIDC_REQUEST_TTL_SECONDS,
      // Company providers are https; plain http only for providers on a developer's or a test's machine.
      allowHttpIssuers: !this.isProduction,
    };
    this.privacy = { retentionMonths: env.PRIVACY_RETENTION_MONTHS, retentionNoticeDays: env.PRIVACY_RETENTION_NOTICE_DAYS };
    this.talent = { contactDailyLimit: env.TALENT_CONTACT_DAILY_LIMIT, contactTtlDays: env.TALENT_CONTACT_TTL_DAYS };
    this.logLevel = env.LOG_LEVEL;
    this.jobs = {
      mode: env.JOBS ?? (env.NODE_ENV === 'test' ? 'off' : 'api'),
      threads: env.JOB_THREADS ?? Math.max(1, availableParallelism() - 1),
      pollSeconds: env.JOB_POLL_SECONDS,
      intervals: parseIntervals(env.JOB_INTERVALS),
    };
  }
}

function parseIntervals(text: string | undefined): Record<string, number> {
  if (!text) return {};
  return Object.fromEntries(
    text.split(',').map((pair) => {
      const [name, seconds] = pair.split('=').map((part) => part.trim());
      return [name, Number(seconds)];
    }),
  );
}

/**
 * Outside production a missing JWT_SECRET is tolerated: a random one is kept in the data folder
 * so tokens survive a restart of the embedded demo, and never leave the machine.
 */
function developmentSecret(dataDir: string, nodeEnv: string): string {
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
