import { Injectable } from '@nestjs/common';
import { Clock } from '@baton/core';
import { JobHandler } from '@baton/queue';
import { DataSource } from 'typeorm';
import type { Affected } from '@baton/database';

export const CONTACT_EXPIRY_JOB = 'talent.contact-expiry';

/**
 * Marks pending requests past their date EXPIRED, hourly. Reads already treat them as expired
 * (contact.mapper.ts) and a new request clears the slot itself, so the job only tidies the table.
 */
@Injectable()
export class ContactExpiryJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @JobHandler(CONTACT_EXPIRY_JOB, { schedule: { everySeconds: 3600 }, retryLimit: 0, expireInSeconds: 300 })
  async run(): Promise<{ expired: number }> {
    const [, expired] = await this.dataSource.query<Affected>(
      `UPDATE talent_contact_requests SET status = 'EXPIRED', answered_at = expires_at WHERE status = 'PENDING' AND expires_at <= $1`,
      [this.clock.now()],
    );
    return { expired: Number(expired) };
  }
}
