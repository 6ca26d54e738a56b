import { PreparedReads } from '@baton/database';
import { AlumniVisibility } from '../common/alumni-enums';
import { ProfileRow } from './profile.mapper';

interface ProfileSqlRow {
  user_id: string;
  display_name: string;
  headline: string | null;
  summary: string | null;
  city: string | null;
  country: string | null;
  open_to_work: boolean;
  desired_roles: string[];
  visibility: AlumniVisibility;
  hidden_sections: string[];
  created_at: Date;
  updated_at: Date;
  consent_active: boolean;
  blocked_organisations: string[];
}

/** ProfileByUserLoader's rows (the profile, whether its consent is active, whom it blocked), one fixed text for a prepared statement. */
const PROFILE_ROWS = `SELECT p.user_id, p.display_name, p.headline, p.summary, p.city, p.country, p.open_to_work, p.desired_roles,
         p.visibility::text AS visibility, p.hidden_sections, p.created_at, p.updated_at,
         EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL) AS consent_active,
         ARRAY(SELECT b.organisation_id::text FROM alumni_organisation_blocks b WHERE b.user_id = p.user_id) AS blocked_organisations
    FROM alumni_profiles p WHERE p.user_id = ANY($1::uuid[])`;

/**
 * The same rows as ProfileByUserLoader, by user id, without the entity hydration: a search page
 * reads twenty of them on every request, where TypeORM's query builder and its result transformer
 * cost more CPU than the statement. Missing ids are simply absent.
 */
export async function readProfileRows(prepared: PreparedReads, userIds: readonly string[]): Promise<Map<string, ProfileRow>> {
  if (!userIds.length) return new Map();
  const rows = await prepared.query<ProfileSqlRow[]>(PROFILE_ROWS, [userIds]);
  return new Map(
    rows.map((r) => [
      r.user_id,
      {
        userId: r.user_id,
        displayName: r.display_name,
        headline: r.headline,
        summary: r.summary,
        city: r.city,
        country: r.country,
        openToWork: r.open_to_work,
        desiredRoles: r.desired_roles,
        visibility: r.visibility,
        hiddenSections: r.hidden_sections,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        consentActive: r.consent_active,
        blockedOrganisations: r.blocked_organisations,
      },
    ]),
  );
}
