import { Injectable } from '@nestjs/common';
import { ConsentRequiredError } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { Clock, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource } from 'typeorm';
import { OrganisationBlockObject } from './dto/block.dto';

/**
 * An alumnus blocks an organisation: from the next request on its recruiters find nothing of them
 * (the alumni policy reads the blocks), its pending contact requests are declined and its accepted
 * ones revoked in the same transaction, so unblocking later does not hand the contact details back. Unblocking restores what the visibility allows; declined requests stay declined.
 * A request racing the block cannot slip between them: inserting the block takes the pair's lock
 * that a request's insert takes too (trigger talent_contact_requests_not_blocked), so the UPDATE
 * below sees a request that got in first, and a request that comes second is refused.
 */
@Injectable()
export class BlockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async block(actor: Actor, organisationId: string): Promise<OrganisationBlockObject[]> {
    await this.transactions.run(async ({ manager }) => {
      const [profile] = await manager.query<unknown[]>(`SELECT 1 FROM alumni_profiles WHERE user_id = $1`, [actor.userId]);
      if (!profile) throw new ConsentRequiredError('Join the alumni network to block an organisation');
      const [organisation] = await manager.query<unknown[]>(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
      if (!organisation) throw new NotFoundError('Organisation', organisationId);
      await manager.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        actor.userId,
        organisationId,
      ]);
      await manager.query(
        `UPDATE talent_contact_requests SET status = 'DECLINED', answered_at = $3 WHERE alumnus_id = $1 AND organisation_id = $2 AND status = 'PENDING'`,
        [actor.userId, organisationId, this.clock.now()],
      );
      await manager.query(
        `UPDATE talent_contact_requests SET revoked_at = $3
          WHERE alumnus_id = $1 AND organisation_id = $2 AND status = 'ACCEPTED' AND revoked_at IS NULL`,
        [actor.userId, organisationId, this.clock.now()],
      );
    });
    return this.list(actor);
  }

  async unblock(actor: Actor, organisationId: string): Promise<OrganisationBlockObject[]> {
    await this.dataSource.query(`DELETE FROM alumni_organisation_blocks WHERE user_id = $1 AND organisation_id = $2`, [actor.userId, organisationId]);
    return this.list(actor);
  }

  async list(actor: Actor): Promise<OrganisationBlockObject[]> {
    const rows = await this.dataSource.query<Array<{ organisation_id: string; name: string; created_at: Date }>>(
      `SELECT b.organisation_id, o.name, b.created_at FROM alumni_organisation_blocks b JOIN organisations o ON o.id = b.organisation_id
        WHERE b.user_id = $1 ORDER BY o.name, b.organisation_id`,
      [actor.userId],
    );
    return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, createdAt: r.created_at }));
  }
}
