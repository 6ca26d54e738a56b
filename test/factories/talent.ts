import { AlumniVisibility, LanguageLevel } from '@baton/alumni';
import { Role } from '@baton/auth';
import { TestApp } from '../utils/test-app';
import { createMember, login, MemberFixture } from './alumni';
import { createStaffMember } from './staff';
import { createUser } from './users';

export interface TalentSpec {
  name: string;
  visibility?: AlumniVisibility;
  headline?: string;
  summary?: string;
  desiredRoles?: string[];
  country?: string;
  city?: string;
  openToWork?: boolean;
  hidden?: string[];
  /** Catalogue skills by id, or free-text skills by name. */
  skills?: Array<{ skillId?: string; name?: string; level: number }>;
  languages?: Array<{ code: string; level: LanguageLevel }>;
  experiences?: Array<{ title: string; organisation: string; description?: string }>;
  games?: Array<{ eventId: string; eventCode: string; organisationId: string; teamCode: string; venueCodes: string[]; minutes: number; roleTitles?: string[] }>;
}

/** A member with a full profile straight into the database (the search documents follow by trigger). */
export async function createTalent(t: TestApp, spec: TalentSpec): Promise<MemberFixture> {
  const member = await createMember(
    t,
    {
      visibility: spec.visibility ?? AlumniVisibility.PARTNERS,
      headline: spec.headline ?? null,
      summary: spec.summary ?? null,
      desiredRoles: spec.desiredRoles ?? [],
      country: spec.country ?? null,
      city: spec.city ?? null,
      openToWork: spec.openToWork ?? false,
      hiddenSections: spec.hidden ?? [],
    },
    { displayName: spec.name },
  );
  const q = (sql: string, values: unknown[]) => t.dataSource.query(sql, values);
  for (const [i, s] of (spec.skills ?? []).entries()) {
    await q(`INSERT INTO alumni_profile_skills (user_id, skill_id, name, level, position) VALUES ($1, $2, $3, $4, $5)`, [
      member.id,
      s.skillId ?? null,
      s.skillId ? null : s.name,
      s.level,
      i,
    ]);
  }
  for (const [i, l] of (spec.languages ?? []).entries()) {
    await q(`INSERT INTO alumni_profile_languages (user_id, code, level, position) VALUES ($1, $2, $3, $4)`, [member.id, l.code, l.level, i]);
  }
  for (const [i, e] of (spec.experiences ?? []).entries()) {
    await q(`INSERT INTO alumni_experiences (user_id, title, organisation, description, start_month, position) VALUES ($1, $2, $3, $4, '2022-01-01', $5)`, [
      member.id,
      e.title,
      e.organisation,
      e.description ?? null,
      i,
    ]);
  }
  for (const g of spec.games ?? []) {
    const staff = await createStaffMember(t.dataSource, g.eventId, g.organisationId, { userId: member.id } as never);
    await q(
      `INSERT INTO alumni_games_experiences (staff_member_id, user_id, event_id, event_code, event_name, event_starts_on, event_ends_on, organisation_name,
         team_code, team_name, role_titles, shifts, minutes, first_shift_at, last_shift_at, venue_codes, venues, team_codes, teams)
       VALUES ($1, $2, $3, $4, 'Games', '2024-07-26', '2024-08-11', 'Org', $5, $5, $6, 10, $7, '2024-07-27T06:00:00Z', '2024-08-10T14:00:00Z', $8, '[]', ARRAY[$5], '[]')`,
      [staff.id, member.id, g.eventId, g.eventCode, g.teamCode, g.roleTitles ?? [], g.minutes, g.venueCodes],
    );
  }
  return member;
}

export async function createRecruiter(t: TestApp, organisationId: string): Promise<{ id: string; email: string; token: string }> {
  const user = await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId }]);
  return { id: user.id, email: user.email, token: await login(t, user.email) };
}
