import { Injectable } from '@nestjs/common';
import { openSealed } from '@baton/crypto';
import { LoaderFactory } from '@baton/graphql';
import { STAFF_PHONE_CONTEXT } from '@baton/staff';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AlumniContactObject } from './dto/contact.dto';

/** Whose contact is asked, and for which organisation (null: the person themself). One viewer per request. */
export interface ContactKey {
  userId: string;
  organisationId: string | null;
}

/**
 * Contact details of many people at once: e-mail from the account, phone from their latest staff
 * record that has one. For an organisation, only people who accepted one of its requests and have
 * not taken it back (revokeContact, or a block); the
 * caller has already checked the profile is visible to the viewer.
 */
@Injectable()
export class ContactLoader implements LoaderFactory<ContactKey, AlumniContactObject | null> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<ContactKey, AlumniContactObject | null, string> {
    return new DataLoader(
      async (keys: readonly ContactKey[]) => {
        const organisationId = keys[0].organisationId;
        const rows = await this.dataSource.query<Array<{ id: string; email: string; phone: string | null }>>(
          `SELECT u.id, u.email,
                  (SELECT m.phone_envelope FROM staff_members m WHERE m.user_id = u.id AND m.phone_envelope IS NOT NULL ORDER BY m.created_at DESC LIMIT 1) AS phone
             FROM users u
            WHERE u.id = ANY($1::uuid[])
              AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM talent_contact_requests r
                                                WHERE r.alumnus_id = u.id AND r.organisation_id = $2 AND r.status = 'ACCEPTED' AND r.revoked_at IS NULL))`,
          [keys.map((k) => k.userId), organisationId],
        );
        // Phones are sealed at rest (libs/crypto): opened here, for the viewers this loader already filtered.
        const byId = new Map(rows.map((r) => [r.id, { email: r.email, phone: openSealed(r.phone, STAFF_PHONE_CONTEXT) }]));
        return keys.map((k) => byId.get(k.userId) ?? null);
      },
      { cacheKeyFn: (k) => `${k.organisationId}:${k.userId}` },
    );
  }
}
