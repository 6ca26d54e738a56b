import { resolve } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { developmentEncryptionKeys, parseEncryptionKeys } from '../libs/config/src/encryption-keys';
import { EnvelopeCipher } from '../libs/crypto/src/envelope-cipher';

/** Must equal STAFF_PHONE_CONTEXT (libs/staff); spelt out so this migration never changes with the code. */
const CONTEXT = 'staff_members.phone';
const BATCH = 1000;

/** The key ring the app will use, from the same variables (a migration runs outside dependency injection). */
function cipher(): EnvelopeCipher {
  const env = process.env;
  if (env.DATA_ENCRYPTION_KEYS) {
    const { keys, problems } = parseEncryptionKeys(env.DATA_ENCRYPTION_KEYS);
    if (problems.length) throw new Error(`DATA_ENCRYPTION_KEYS: ${problems.join('; ')}`);
    return new EnvelopeCipher(keys);
  }
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (nodeEnv === 'production') throw new Error('DATA_ENCRYPTION_KEYS is required to encrypt the staff phone numbers already stored');
  return new EnvelopeCipher(developmentEncryptionKeys(resolve(env.BATON_DATA_DIR ?? '.baton'), nodeEnv));
}

/**
 * Staff phone numbers move from plaintext into envelopes (AES-256-GCM data keys under the
 * configured key-encryption key), then the plaintext column is dropped. Existing rows are
 * encrypted here, in batches, inside the migration's transaction: the plaintext never survives
 * a committed migration. Nothing searches or sorts by phone, so no lookup hash is kept.
 */
export class StaffPhoneEncryption1796173000000 implements MigrationInterface {
  name = 'StaffPhoneEncryption1796173000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_members" ADD "phone_envelope" text');
    let sealer: EnvelopeCipher | undefined;
    for (;;) {
      const rows: Array<{ id: string; phone: string }> = await queryRunner.query(
        'SELECT id, phone FROM staff_members WHERE phone IS NOT NULL AND phone_envelope IS NULL ORDER BY id LIMIT $1',
        [BATCH],
      );
      if (!rows.length) break;
      sealer ??= cipher();
      await queryRunner.query(
        'UPDATE staff_members s SET phone_envelope = v.envelope, phone = NULL FROM unnest($1::uuid[], $2::text[]) AS v(id, envelope) WHERE s.id = v.id',
        [rows.map((r) => r.id), rows.map((r) => sealer!.seal(r.phone, CONTEXT))],
      );
    }
    await queryRunner.query('ALTER TABLE "staff_members" DROP COLUMN "phone"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_members" ADD "phone" text');
    let opener: EnvelopeCipher | undefined;
    for (;;) {
      const rows: Array<{ id: string; phone_envelope: string }> = await queryRunner.query(
        'SELECT id, phone_envelope FROM staff_members WHERE phone_envelope IS NOT NULL AND phone IS NULL ORDER BY id LIMIT $1',
        [BATCH],
      );
      if (!rows.length) break;
      opener ??= cipher();
      await queryRunner.query(
        'UPDATE staff_members s SET phone = v.phone, phone_envelope = NULL FROM unnest($1::uuid[], $2::text[]) AS v(id, phone) WHERE s.id = v.id',
        [rows.map((r) => r.id), rows.map((r) => opener!.openText(r.phone_envelope, CONTEXT))],
      );
    }
    await queryRunner.query('ALTER TABLE "staff_members" DROP COLUMN "phone_envelope"');
  }
}
