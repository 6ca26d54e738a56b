import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Must equal STAFF_PHONE_CONTEXT (libs/staff); spelt out so this migration never changes with the code. */
const CONTEXT = 'staff_members.phone';
const BATCH = 1000;

/**
 * Envelope format v1 of libs/crypto (EnvelopeCipher), written out here because a migration imports
 * no lib: it must mean the same thing when the code changes. The e2e test opens what it seals with
 * the real EnvelopeCipher. `v1:<kek id>:<b64url(iv | wrapped data key | tag)>:<b64url(iv | ciphertext | tag)>`.
 */
interface Kek {
  id: string;
  key: Buffer;
}

function gcm(key: Buffer, data: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function ungcm(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
}

function seal(kek: Kek, plaintext: string): string {
  const aad = Buffer.from(`baton-envelope:v1:${CONTEXT}`);
  const dataKey = randomBytes(32);
  const body = gcm(dataKey, Buffer.from(plaintext, 'utf8'), aad);
  const wrapped = gcm(kek.key, dataKey, Buffer.concat([aad, Buffer.from(`:${kek.id}`)]));
  dataKey.fill(0);
  return ['v1', kek.id, wrapped.toString('base64url'), body.toString('base64url')].join(':');
}

function open(keks: Kek[], envelope: string): string {
  const [, id, wrapped, body] = envelope.split(':');
  const kek = keks.find((k) => k.id === id);
  if (!kek) throw new Error(`Key-encryption key "${id}" is not in DATA_ENCRYPTION_KEYS; it is needed to decrypt the staff phone numbers`);
  const aad = Buffer.from(`baton-envelope:v1:${CONTEXT}`);
  const dataKey = ungcm(kek.key, Buffer.from(wrapped, 'base64url'), Buffer.concat([aad, Buffer.from(`:${id}`)]));
  return ungcm(dataKey, Buffer.from(body, 'base64url'), aad).toString('utf8');
}

/** The key ring the app uses (DATA_ENCRYPTION_KEYS, or the development key file), first key current. */
function keys(): Kek[] {
  const env = process.env;
  let text = env.DATA_ENCRYPTION_KEYS;
  if (!text) {
    const file = join(resolve(env.BATON_DATA_DIR ?? '.baton'), 'data-encryption-key');
    if ((env.NODE_ENV ?? 'development') === 'production' || !existsSync(file)) {
      throw new Error('DATA_ENCRYPTION_KEYS is required to encrypt or decrypt the staff phone numbers already stored');
    }
    text = readFileSync(file, 'utf8');
  }
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const key = Buffer.from(
        entry
          .slice(colon + 1)
          .replace(/-/g, '+')
          .replace(/_/g, '/'),
        'base64',
      );
      if (colon < 1 || key.length !== 32) throw new Error('DATA_ENCRYPTION_KEYS: every entry is id:base64 of 32 bytes');
      return { id: entry.slice(0, colon), key };
    });
}

/**
 * Staff phone numbers move from plaintext into envelopes (AES-256-GCM data keys under the
 * configured key-encryption key), then the plaintext column is dropped. Existing rows are
 * encrypted here, in batches, inside the migration's transaction: the plaintext never survives
 * a committed migration. Nothing searches or sorts by phone, so no lookup hash is kept.
 */
export class StaffPhoneEncryption1796174100000 implements MigrationInterface {
  name = 'StaffPhoneEncryption1796174100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_members" ADD "phone_envelope" text');
    let kek: Kek | undefined;
    for (;;) {
      const rows: Array<{ id: string; phone: string }> = await queryRunner.query(
        'SELECT id, phone FROM staff_members WHERE phone IS NOT NULL AND phone_envelope IS NULL ORDER BY id LIMIT $1',
        [BATCH],
      );
      if (!rows.length) break;
      kek ??= keys()[0];
      await queryRunner.query(
        'UPDATE staff_members s SET phone_envelope = v.envelope, phone = NULL FROM unnest($1::uuid[], $2::text[]) AS v(id, envelope) WHERE s.id = v.id',
        [rows.map((r) => r.id), rows.map((r) => seal(kek!, r.phone))],
      );
    }
    await queryRunner.query('ALTER TABLE "staff_members" DROP COLUMN "phone"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_members" ADD "phone" text');
    let ring: Kek[] | undefined;
    for (;;) {
      const rows: Array<{ id: string; phone_envelope: string }> = await queryRunner.query(
        'SELECT id, phone_envelope FROM staff_members WHERE phone_envelope IS NOT NULL AND phone IS NULL ORDER BY id LIMIT $1',
        [BATCH],
      );
      if (!rows.length) break;
      ring ??= keys();
      await queryRunner.query(
        'UPDATE staff_members s SET phone = v.phone, phone_envelope = NULL FROM unnest($1::uuid[], $2::text[]) AS v(id, phone) WHERE s.id = v.id',
        [rows.map((r) => r.id), rows.map((r) => open(ring!, r.phone_envelope))],
      );
    }
    await queryRunner.query('ALTER TABLE "staff_members" DROP COLUMN "phone_envelope"');
  }
}
