import { Injectable } from '@nestjs/common';
import { EnvelopeCipher } from '@baton/crypto';
import { TransactionRunner } from '@baton/database';
import { JobHandler } from '@baton/queue';
import { STAFF_PHONE_CONTEXT } from './staff-member.entity';

export const STAFF_PHONE_REWRAP_JOB = 'staff.phone-rewrap';
const BATCH = 500;

/**
 * Key rotation for sealed phone numbers: after a new key-encryption key is put first in
 * DATA_ENCRYPTION_KEYS, every envelope still under an older one is re-wrapped (only its data key
 * is re-encrypted). Once this reports 0, the old key can leave the configuration. Rows are taken
 * with SKIP LOCKED, so it never waits for a coordinator editing a record.
 */
@Injectable()
export class StaffPhoneRewrapJob {
  constructor(
    private readonly cipher: EnvelopeCipher,
    private readonly transactions: TransactionRunner,
  ) {}

  @JobHandler(STAFF_PHONE_REWRAP_JOB, { schedule: { cron: '23 3 * * *' }, retryLimit: 1, expireInSeconds: 3600 })
  async run(): Promise<{ rewrapped: number }> {
    return { rewrapped: await this.rewrapAll() };
  }

  async rewrapAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.batch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  private batch(): Promise<number> {
    return this.transactions.run(async ({ manager }) => {
      const rows = await manager.query<Array<{ id: string; phone_envelope: string }>>(
        `SELECT id, phone_envelope FROM staff_members WHERE phone_envelope IS NOT NULL AND split_part(phone_envelope, ':', 2) <> $1
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.cipher.currentKeyId, BATCH],
      );
      if (!rows.length) return 0;
      await manager.query(`UPDATE staff_members s SET phone_envelope = v.envelope FROM unnest($1::uuid[], $2::text[]) AS v(id, envelope) WHERE s.id = v.id`, [
        rows.map((r) => r.id),
        rows.map((r) => this.cipher.rewrap(r.phone_envelope, STAFF_PHONE_CONTEXT)),
      ]);
      return rows.length;
    });
  }
}
