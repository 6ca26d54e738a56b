import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A key-encryption key as configured (libs/crypto's EnvelopeCipher takes these). */
export interface ConfiguredEncryptionKey {
  id: string;
  key: Buffer;
}

const ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

/**
 * Parses `DATA_ENCRYPTION_KEYS`: comma-separated `id:base64key` entries (standard or URL-safe
 * base64 of 32 bytes), the first one current. Returns problems instead of throwing so the
 * configuration reports them with the other variables, and never echoes key material.
 */
export function parseEncryptionKeys(value: string): { keys: ConfiguredEncryptionKey[]; problems: string[] } {
  const keys: ConfiguredEncryptionKey[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) problems.push('no key given (expected id:base64key[,id:base64key…])');
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const material = colon > 0 ? entry.slice(colon + 1) : '';
    if (!ID.test(id)) return void problems.push(`entry ${index + 1}: an id of 1 to 32 letters, digits, - or _ must come before a colon`);
    if (seen.has(id)) return void problems.push(`entry ${index + 1}: the id "${id}" is listed twice`);
    seen.add(id);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(material) ? Buffer.from(material.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES)
      return void problems.push(`entry ${index + 1} ("${id}"): the key must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
    keys.push({ id, key });
  });
  return { keys, problems };
}

/**
 * Outside production a missing DATA_ENCRYPTION_KEYS is tolerated like JWT_SECRET: one key is
 * generated and kept in the data folder (so the embedded demo can still decrypt after a
 * restart), or made up per process in tests.
 */
export function developmentEncryptionKeys(dataDir: string, nodeEnv: string): ConfiguredEncryptionKey[] {
  if (nodeEnv === 'test') return [{ id: 'test', key: randomBytes(KEY_BYTES) }];
  const file = join(dataDir, 'data-encryption-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `dev:${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  }
  const { keys, problems } = parseEncryptionKeys(readFileSync(file, 'utf8'));
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${file}: ${problems.join('; ')}`);
  return keys;
}
