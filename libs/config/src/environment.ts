import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';
import { parseEncryptionKeys } from './encryption-keys';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
// Integers are checked by @IsInt; the conversion is the same.
const toInt = toNumber;

/** Every environment variable Baton reads. Nothing else in the code base touches process.env. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test']) NODE_ENV: 'development' | 'production' | 'test' = 'development';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '0.0.0.0';
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;
  @IsString() BATON_DATA_DIR = '.baton';
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  @Transform(toBool) @IsBoolean() MIGRATIONS_RUN = true;
  @IsIn(['auto', 'true', 'false']) SEED_DEMO: 'auto' | 'true' | 'false' = 'auto';
  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Transform(toInt) @IsInt() @Min(30) @Max(86400) JWT_ACCESS_TTL_SECONDS = 900;
  /** How long an instance may reuse a session's actor (person, grants, session) between requests; 0 = reload every request. */
  @Transform(toNumber) @IsNumber() @Min(0) @Max(60) ACTOR_CACHE_SECONDS = 5;
  @Transform(toNumber) @IsNumber() @Min(0) @Max(60) COVERAGE_CACHE_SECONDS = 3;
  @Transform(toInt) @IsInt() @Min(300) REFRESH_TTL_SECONDS = 30 * 86400;
  @Transform(toInt) @IsInt() @Min(300) INVITATION_TTL_SECONDS = 7 * 86400;
  @Transform(toInt) @IsInt() @Min(300) PASSWORD_RESET_TTL_SECONDS = 3600;
  @Transform(toBool) @IsOptional() @IsBoolean() GRAPHQL_IDE?: boolean;
  @Transform(toBool) @IsOptional() @IsBoolean() GRAPHQL_INTROSPECTION?: boolean;
  @Transform(toInt) @IsInt() @Min(2) @Max(50) GRAPHQL_MAX_DEPTH = 12;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) GRAPHQL_MAX_ALIASES = 30;
  @Transform(toInt) @IsInt() @Min(100) GRAPHQL_MAX_COST = 20000;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LIMIT_PER_ACCOUNT = 10;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LIMIT_PER_ADDRESS = 100;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_LIMIT_WINDOW_SECONDS = 900;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsUrl({ require_tld: false, require_protocol: true }) PUBLIC_URL = 'http://localhost:3000';
  @Transform(toBool) @IsBoolean() TRUST_PROXY = false;
  /**
   * Where queued and scheduled jobs run: `api` (the API instances run them), `worker` (only
   * `npm run worker` processes do; the API just enqueues), `off` (nobody here). Default `api`, `off` in tests.
   */
  @IsOptional() @IsIn(['api', 'worker', 'off']) JOBS?: 'api' | 'worker' | 'off';
  /** Worker threads for CPU-heavy jobs; default: the cores but one. */
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(64) JOB_THREADS?: number;
  /** How often an idle worker asks PostgreSQL for new jobs. */
  @Transform(toNumber) @IsNumber() @Min(0.5) @Max(60) JOB_POLL_SECONDS = 2;
  /** Overrides of declared intervals, `name=seconds` separated by commas (e.g. `rostering.no-show-sweep=30`). */
  @IsOptional()
  @Matches(/^\s*[\w.-]+=[1-9]\d*\s*(,\s*[\w.-]+=[1-9]\d*\s*)*$/, {
    message: 'JOB_INTERVALS must look like name=seconds,name=seconds (whole seconds, at least 1)',
  })
  JOB_INTERVALS?: string;
  /** Key-encryption keys for data at rest: `id:base64key[,id:base64key…]`, the first one current. */
  @IsOptional() @IsString() DATA_ENCRYPTION_KEYS?: string;
  /** The organising committee as it signs verified Games records (the credential's issuer name). */
  @IsString() @MinLength(1) @MaxLength(200) CREDENTIAL_ISSUER_NAME = 'Organising Committee';
  /**
   * Partner sign-in (OIDC): where the browser goes after a successful sign-in, with the tokens in
   * the URL fragment (`#accessToken=…`). Left out, the callback answers the tokens as JSON.
   */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }) OIDC_FRONTEND_URL?: string;
  /** How long a started partner sign-in may take at the provider before its state expires. */
  @Transform(toInt) @IsInt() @Min(60) @Max(3600) OIDC_REQUEST_TTL_SECONDS = 600;
  /** Public record verifications (GET /verify, verifyRecord) per address and window. */
  @Transform(toInt) @IsInt() @Min(1) VERIFY_LIMIT_PER_ADDRESS = 300;
  @Transform(toInt) @IsInt() @Min(1) VERIFY_LIMIT_WINDOW_SECONDS = 60;
  /** Privacy: months after an event's last day before the personal data of its staff who never joined the alumni network is erased. */
  @Transform(toInt) @IsInt() @Min(1) @Max(120) PRIVACY_RETENTION_MONTHS = 6;
  /** Privacy: days between the retention notice (outbox) and the erasure. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365) PRIVACY_RETENTION_NOTICE_DAYS = 30;
  /** Talent exchange: contact requests one recruiter may send per UTC day. */
  @Transform(toInt) @IsInt() @Min(1) TALENT_CONTACT_DAILY_LIMIT = 20;
  /** Talent exchange: days a contact request stays open before it expires. */
  @Transform(toInt) @IsInt() @Min(1) TALENT_CONTACT_TTL_DAYS = 30;
}

/**
 * Validates the environment once at boot. Each bad variable gets its own line so an operator
 * can fix them all in one go instead of one per restart.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const problems = errors.map((e) => `  - ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (raw.BACKGROUND_JOBS !== undefined) {
    // Replaced rather than aliased: JOBS has three values, and a silently ignored old switch would surprise.
    problems.push(`  - BACKGROUND_JOBS=${JSON.stringify(raw.BACKGROUND_JOBS)}: replaced by JOBS (api, worker or off); BACKGROUND_JOBS=false is JOBS=off`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('  - JWT_SECRET: required in production (at least 32 characters)');
  }
  if (typeof env.DATA_ENCRYPTION_KEYS === 'string') {
    // The value is key material: report what is wrong with it, never the value itself.
    problems.push(...parseEncryptionKeys(env.DATA_ENCRYPTION_KEYS).problems.map((p) => `  - DATA_ENCRYPTION_KEYS: ${p}`));
  } else if (env.NODE_ENV === 'production') {
    problems.push('  - DATA_ENCRYPTION_KEYS: required in production (id:base64key, a 32-byte key; openssl rand -base64 32)');
  }
  if (problems.length) {
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return env;
}
