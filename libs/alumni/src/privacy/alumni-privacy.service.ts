import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { EntityManager } from 'typeorm';

/** Tables holding a person's alumni data, with the column that says whose it is. */
const PERSONAL_TABLES: ReadonlyArray<{ table: string; owner: string; erase: boolean }> = [
  { table: 'alumni_profiles', owner: 'user_id', erase: true },
  { table: 'alumni_profile_skills', owner: 'user_id', erase: true },
  { table: 'alumni_profile_languages', owner: 'user_id', erase: true },
  { table: 'alumni_experiences', owner: 'user_id', erase: true },
  { table: 'alumni_education', owner: 'user_id', erase: true },
  { table: 'alumni_links', owner: 'user_id', erase: true },
  { table: 'alumni_games_experiences', owner: 'user_id', erase: true },
  { table: 'alumni_record_preferences', owner: 'user_id', erase: true },
  { table: 'alumni_endorsements', owner: 'endorser_id', erase: true },
  { table: 'alumni_endorsements', owner: 'endorsee_id', erase: true },
  { table: 'alumni_invitations', owner: 'user_id', erase: true },
  { table: 'alumni_consents', owner: 'user_id', erase: true },
];

/**
 * The alumni lib's part of a data export and of an erasure, for the privacy registry to call
 * (that lib comes next). Every row of a person is found by its owner column; the profile's
 * cascade would reach most of them, but each table is named so none is forgotten.
 */
@Injectable()
export class AlumniPrivacyService {
  constructor(private readonly audit: AuditService) {}

  async exportForUser(manager: EntityManager, userId: string): Promise<Record<string, unknown[]>> {
    const result: Record<string, unknown[]> = {};
    for (const { table, owner } of PERSONAL_TABLES) {
      const key = table === 'alumni_endorsements' ? `${table}_${owner === 'endorser_id' ? 'given' : 'received'}` : table;
      result[key] = await manager.query(`SELECT * FROM ${table} WHERE ${owner} = $1`, [userId]);
    }
    return result;
  }

  /**
   * Removes everything the alumni lib holds about the person, consents included: once the data is
   * gone there is nothing left to process under them, and the audit keeps that it happened.
   */
  async eraseForUser(manager: EntityManager, actorUserId: string | null, userId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    // Invitations keep their staff-record key (so closing again does not re-invite) but lose the person.
    const [, invitations] = await manager.query(`UPDATE alumni_invitations SET email = NULL, user_id = NULL WHERE user_id = $1`, [userId]);
    counts.alumni_invitations = Number(invitations ?? 0);
    for (const { table, owner, erase } of PERSONAL_TABLES) {
      if (!erase || table === 'alumni_invitations') continue;
      const [, affected] = await manager.query(`DELETE FROM ${table} WHERE ${owner} = $1`, [userId]);
      counts[`${table}.${owner}`] = Number(affected ?? 0);
    }
    await this.audit.record(manager, { actorUserId, action: 'alumni.erased', entityType: 'user', entityId: userId, after: counts });
    return counts;
  }
}
