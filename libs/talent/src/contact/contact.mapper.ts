import { ContactRequestObject } from './dto/contact.dto';
import { ContactRequestStatus } from './contact-request.entity';

export interface ContactRequestRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  alumnus_id: string;
  alumnus_name: string;
  message: string;
  status: ContactRequestStatus;
  created_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  revoked_at: Date | null;
}

/** Expiry is also computed on read: a pending request past its date reads EXPIRED before the hourly job marks it. */
export function toContactRequest(row: ContactRequestRow, now: Date): ContactRequestObject {
  const expired = row.status === ContactRequestStatus.PENDING && row.expires_at <= now;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    alumnusId: row.alumnus_id,
    alumnusName: row.alumnus_name,
    message: row.message,
    status: expired ? ContactRequestStatus.EXPIRED : row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    answeredAt: expired ? row.expires_at : row.answered_at,
    revokedAt: row.revoked_at,
  };
}

export const CONTACT_REQUEST_SELECT = `SELECT r.id, r.organisation_id, o.name AS organisation_name, r.alumnus_id, p.display_name AS alumnus_name, r.message,
       r.status, r.created_at, r.expires_at, r.answered_at, r.revoked_at
  FROM talent_contact_requests r JOIN organisations o ON o.id = r.organisation_id JOIN alumni_profiles p ON p.user_id = r.alumnus_id`;
