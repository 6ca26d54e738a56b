import { AlumniSection, AlumniVisibility } from '../common/alumni-enums';
import { countryName, languageName } from '../common/text-rules';
import { AlumniEducationObject, AlumniExperienceObject, AlumniLanguageObject, AlumniLinkObject, AlumniProfileObject } from './dto/profile.object';
import { profileAccess, ProfileViewer } from './profile-access';
import type { RosterGamesExperience } from './verified-records';
import {
  AlumniEducationEntity,
  AlumniExperienceEntity,
  AlumniGamesExperienceEntity,
  AlumniLinkEntity,
  AlumniProfileLanguageEntity,
} from './profile-sections.entity';
import { AlumniProfileEntity } from './profile.entity';

export type ProfileRow = AlumniProfileEntity & { consentActive: boolean; blockedOrganisations: readonly string[] };

/** "2024-07-01" (a date column) → "2024-07". */
export const toMonth = (date: string | null): string | null => (date ? date.slice(0, 7) : null);
/** "2024-07" → "2024-07-01" for the date column. */
export const fromMonth = (month: string | null | undefined): string | null => (month ? `${month}-01` : null);

/**
 * Explicit mapping through the policy: what this viewer may not see is null here and never
 * loaded by the field resolvers. Null when the profile is not visible at all.
 */
export function toProfileObject(row: ProfileRow, viewer: ProfileViewer): AlumniProfileObject | null {
  const access = profileAccess(viewer, row);
  if (!access.visible) return null;
  const has = (s: AlumniSection) => access.sections.has(s);
  return {
    userId: row.userId,
    displayName: row.displayName,
    headline: row.headline,
    openToWork: row.openToWork,
    isMine: access.owner,
    visibility: access.owner ? (row.visibility as AlumniVisibility) : null,
    hiddenSections: access.owner ? (row.hiddenSections as AlumniSection[]) : null,
    summary: has(AlumniSection.SUMMARY) ? row.summary : null,
    location: has(AlumniSection.LOCATION) ? { city: row.city, country: row.country, countryName: row.country ? countryName(row.country) : null } : null,
    desiredRoles: has(AlumniSection.DESIRED_ROLES) ? row.desiredRoles : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    access,
  };
}

export const toLanguageObject = (l: AlumniProfileLanguageEntity): AlumniLanguageObject => ({
  code: l.code,
  name: languageName(l.code) ?? l.code,
  level: l.level,
});

export const toExperienceObject = (e: AlumniExperienceEntity): AlumniExperienceObject => ({
  id: e.id,
  title: e.title,
  organisation: e.organisation,
  location: e.location,
  url: e.url,
  startMonth: toMonth(e.startMonth) as string,
  endMonth: toMonth(e.endMonth),
  description: e.description,
});

export const toEducationObject = (e: AlumniEducationEntity): AlumniEducationObject => ({
  id: e.id,
  institution: e.institution,
  area: e.area,
  studyType: e.studyType,
  startMonth: toMonth(e.startMonth),
  endMonth: toMonth(e.endMonth),
});

export const toLinkObject = (l: AlumniLinkEntity): AlumniLinkObject => ({ id: l.id, label: l.label, url: l.url });

export const toGamesObject = (g: AlumniGamesExperienceEntity): RosterGamesExperience => ({
  staffMemberId: g.staffMemberId,
  eventId: g.eventId,
  eventCode: g.eventCode,
  eventName: g.eventName,
  eventStartsOn: g.eventStartsOn,
  eventEndsOn: g.eventEndsOn,
  organisationName: g.organisationName,
  teamCode: g.teamCode,
  teamName: g.teamName,
  roleTitles: g.roleTitles,
  shiftsWorked: g.shifts,
  hoursWorked: Math.round((g.minutes / 60) * 10) / 10,
  firstShiftAt: g.firstShiftAt,
  lastShiftAt: g.lastShiftAt,
  venues: g.venues.map((v) => ({ code: v.code, name: v.name, shifts: v.shifts })),
  teams: g.teams.map((t) => ({ code: t.code, name: t.name, shifts: t.shifts })),
});
