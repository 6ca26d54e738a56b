import { Injectable } from '@nestjs/common';
import { openSealed } from '@baton/crypto';
import { addIdentifier, PrivacyContext, PrivacyContribution, PrivacyContributor, PrivacySubject } from '@baton/core';
import { EntityManager } from 'typeorm';
import { STAFF_PHONE_CONTEXT } from '../staff-member/staff-member.entity';
import type { Affected, StoredRow } from '@baton/database';

interface StaffIdentityRow {
  id: string;
  user_id: string | null;
  display_name: string;
  email: string | null;
  phone_envelope: string | null;
}

/**
 * Staff records of every event. Erasure keeps each record, renamed to the alias and without
 * contact details, so the assignments and attendance that point to it still add up in hours and
 * coverage; availability is the person's own statement and goes.
 */
@Injectable()
@PrivacyContributor()
export class StaffPrivacyContributor implements PrivacyContribution {
  readonly section = 'staff';
  readonly tables = [
    { table: 'staff_members', personal: true, note: 'kept for staffing statistics: renamed to the alias, contact details and external reference removed' },
    { table: 'staff_member_skills', personal: false, note: 'skill levels of a record; once the record is anonymised they identify nobody' },
    { table: 'availability_periods', personal: true, note: 'deleted' },
    { table: 'staff_invitations', personal: false, note: 'links an invitation to a staff record; ids only' },
  ];

  async identify(manager: EntityManager, subject: PrivacySubject): Promise<void> {
    const rows = await manager.query<StaffIdentityRow[]>(
      `SELECT id, user_id, display_name, email, phone_envelope FROM staff_members WHERE user_id = $1 OR id = ANY($2::uuid[]) ORDER BY id`,
      [subject.userId, subject.staffMemberIds],
    );
    for (const row of rows) {
      if (!subject.staffMemberIds.includes(row.id)) subject.staffMemberIds.push(row.id);
      subject.userId ??= row.user_id;
      addIdentifier(subject.names, row.display_name);
      addIdentifier(subject.emails, row.email);
      addIdentifier(subject.phones, openSealed(row.phone_envelope, STAFF_PHONE_CONTEXT));
    }
  }

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    const ids = [subject.staffMemberIds];
    const records = await manager.query<Array<Record<string, unknown> & { phone_envelope: string | null }>>(
      `SELECT s.id, s.event_id, e.code AS event_code, e.name AS event_name, o.name AS organisation_name, t.name AS team_name, v.name AS home_venue_name,
                s.display_name, s.email, s.phone_envelope, s.employment_type, s.languages, s.accreditation_zones, s.accreditation_status, s.external_ref,
                s.created_at, s.updated_at
           FROM staff_members s JOIN events e ON e.id = s.event_id JOIN organisations o ON o.id = s.organisation_id
           LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN venues v ON v.id = s.home_venue_id
          WHERE s.id = ANY($1::uuid[]) ORDER BY e.starts_on, s.id`,
      ids,
    );
    return {
      records: records.map(({ phone_envelope, ...record }) => ({ ...record, phone: openSealed(phone_envelope, STAFF_PHONE_CONTEXT) })),
      skills: await manager.query<StoredRow[]>(
        `SELECT ss.staff_member_id, k.code, k.name, ss.level FROM staff_member_skills ss JOIN skills k ON k.id = ss.skill_id
          WHERE ss.staff_member_id = ANY($1::uuid[]) ORDER BY ss.staff_member_id, k.code`,
        ids,
      ),
      availability: await manager.query<StoredRow[]>(
        `SELECT id, staff_member_id, kind, starts_at, ends_at, note, created_at FROM availability_periods WHERE staff_member_id = ANY($1::uuid[]) ORDER BY starts_at, id`,
        ids,
      ),
    };
  }

  async erase({ manager, subject, now }: PrivacyContext): Promise<Record<string, number>> {
    const ids = subject.staffMemberIds;
    if (!ids.length) return {};
    const [, availability] = await manager.query<Affected>(`DELETE FROM availability_periods WHERE staff_member_id = ANY($1::uuid[])`, [ids]);
    const [, records] = await manager.query<Affected>(
      `UPDATE staff_members SET display_name = $2, email = NULL, phone_envelope = NULL, external_ref = NULL, updated_at = $3 WHERE id = ANY($1::uuid[])`,
      [ids, subject.alias, now],
    );
    return { availability_periods: Number(availability ?? 0), staff_members: Number(records ?? 0) };
  }
}
