import { RuleViolationError } from '@baton/core';
import { EntityManager } from 'typeorm';

/**
 * Refuses to erase the last active administrator: nobody could then run erasures, events or
 * grants. Two admins erasing themselves at once are serialised by a transaction-scoped lock.
 */
export async function assertNotLastAdmin(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('baton.privacy.admins'))`);
  const [row] = await manager.query<Array<{ admin: boolean; others: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM role_grants WHERE user_id = $1 AND role = 'ADMIN') AS admin,
            EXISTS (SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id WHERE g.role = 'ADMIN' AND u.status = 'ACTIVE' AND g.user_id <> $1) AS others`,
    [userId],
  );
  if (row.admin && !row.others) {
    throw new RuleViolationError('The last administrator cannot be erased: grant ADMIN to someone else first', [
      { rule: 'LAST_ADMIN', message: 'At least one active administrator must remain' },
    ]);
  }
}
