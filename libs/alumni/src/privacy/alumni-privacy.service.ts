import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { addIdentifier, PrivacyContext, PrivacyContribution, PrivacyContributor, PrivacySubject } from '@baton/core';
import { EntityManager } from 'typeorm';
import type { Affected, StoredRow } from '@baton/database';

/** Tables holding a person's alumni data, with the column that says whose it is. */
const PERSONAL_TABLES: ReadonlyArray<{ table: string; owner: string }> = [
  { table: 'alumni_profiles', owner: 'user_id' },
  { table: 'alumni_profile_skills', owner: 'user_id' },
  { table: 'alumni_profile_languages', owner: 'user_id' },
  { table: 'alumni_experiences', owner: 'user_id' },
  { table: 'alumni_education', owner: 'user_id' },
  { table: 'alumni_links', owner: 'user_id' },
  { table: 'alumni_games_experiences', owner: 'user_id' },
  { table: 'alumni_record_preferences', owner: 'user_id' },
  { table: 'alumni_endorsements', owner: 'endorser_id' },
  { table: 'alumni_endorsements', owner: 'endorsee_id' },
  { table: 'alumni_invitations', owner: 'user_id' },
  { table: 'alumni_consents', owner: 'user_id' },
];

/**
 * The alumni lib's part of a data export and of an erasure, found by the privacy registry. Every
 * row of a person is found by its owner column; the profile's cascade would reach most of them,
 * but each table is named so none is forgotten. Invitations are also found by staff record: a
 * person invited after an event closed may never have had an account.
 */
@Injectable()
@PrivacyContributor()
export class AlumniPrivacyService implements PrivacyContribution {
  readonly section = 'alumni';
  readonly tables = [
    ...[...new Set(PERSONAL_TABLES.map((t) => t.table))]
      .filter((table) => table !== 'alumni_invitations')
      .map((table) => ({ table, personal: true, note: 'deleted' })),
    { table: 'alumni_invitations', personal: true, note: 'kept by staff record (so closing again does not re-invite), without the person' },
    { table: 'alumni_consent_texts', personal: false, note: 'the published texts; published_by_id points to an admin account' },
  ];

  constructor(private readonly audit: AuditService) {}

  async identify(manager: EntityManager, subject: PrivacySubject): Promise<void> {
    const rows = await manager.query<Array<{ email: string | null; display_name: string | null }>>(
      `SELECT email, NULL AS display_name FROM alumni_invitations WHERE user_id = $1 OR staff_member_id = ANY($2::uuid[])
       UNION ALL SELECT NULL, display_name FROM alumni_profiles WHERE user_id = $1`,
      [subject.userId, subject.staffMemberIds],
    );
    for (const row of rows) {
      addIdentifier(subject.emails, row.email);
      addIdentifier(subject.names, row.display_name);
    }
  }

  /** Members (an active consent) chose to be kept: retention leaves them. A withdrawn consent holds nothing any more. */
  async retentionHolds(manager: EntityManager, userIds: string[]): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT DISTINCT user_id FROM alumni_consents WHERE user_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
      [userIds],
    );
    return rows.map((r) => r.user_id);
  }

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    const rows = subject.userId ? await this.exportForUser(manager, subject.userId) : {};
    rows.alumni_invitations = await manager.query<StoredRow[]>(
      `SELECT * FROM alumni_invitations WHERE user_id = $1 OR staff_member_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [subject.userId, subject.staffMemberIds],
    );
    return rows;
  }

  async erase({ manager, subject, actorUserId }: PrivacyContext): Promise<Record<string, number>> {
    const [, invitations] = await manager.query<Affected>(
      `UPDATE alumni_invitations SET email = NULL, user_id = NULL WHERE staff_member_id = ANY($1::uuid[])`,
      [subject.staffMemberIds],
    );
    const counts = subject.userId ? await this.eraseForUser(manager, actorUserId, subject.userId) : {};
    counts.alumni_invitations = (counts.alumni_invitations ?? 0) + Number(invitations ?? 0);
    return counts;
  }

  async exportForUser(manager: EntityManager, userId: string): Promise<Record<string, unknown[]>> {
    const result: Record<string, unknown[]> = {};
    for (const { table, owner } of PERSONAL_TABLES) {
      const key = table === 'alumni_endorsements' ? `${table}_${owner === 'endorser_id' ? 'given' : 'received'}` : table;
      result[key] = await manager.query<StoredRow[]>(`SELECT * FROM ${table} WHERE ${owner} = $1`, [userId]);
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
    const [, invitations] = await manager.query<Affected>(`UPDATE alumni_invitations SET email = NULL, user_id = NULL WHERE user_id = $1`, [userId]);
    counts.alumni_invitations = Number(invitations ?? 0);
    for (const { table, owner } of PERSONAL_TABLES) {
      if (table === 'alumni_invitations') continue;
      const [, affected] = await manager.query<Affected>(`DELETE FROM ${table} WHERE ${owner} = $1`, [userId]);
      counts[`${table}.${owner}`] = Number(affected ?? 0);
    }
    await this.audit.record(manager, { actorUserId, action: 'alumni.erased', entityType: 'user', entityId: userId, after: counts });
    return counts;
  }
}
