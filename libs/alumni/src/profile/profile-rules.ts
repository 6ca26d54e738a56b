import { FieldProblem } from '@baton/core';
import { DateTime } from 'luxon';
import { AlumniProfileInput } from './dto/profile.input';

/** Fields that exist on every profile: null is a mistake there, not "clear it". */
export const NOT_NULLABLE: ReadonlyArray<keyof AlumniProfileInput> = [
  'displayName',
  'openToWork',
  'desiredRoles',
  'visibility',
  'hiddenSections',
  'skills',
  'languages',
  'experiences',
  'education',
  'links',
];

/**
 * The latest month a past date may name. People enter months in their own zone, which Baton does
 * not know: the zone furthest ahead (UTC+14) is taken, so nobody is refused this month's date
 * because it is still last month in UTC.
 */
export function latestMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: 'Pacific/Kiritimati' }).toFormat('yyyy-MM');
}

/** Key of a skill: catalogue id, or the lower-cased free-text name. */
export const skillKey = (s: { skillId?: string | null; name?: string | null }) => (s.skillId ? `id:${s.skillId}` : `name:${(s.name ?? '').toLowerCase()}`);

/**
 * The rules across fields that class-validator does not express: required fields not null, a
 * skill is one of catalogue or free text, no duplicates, month order, nothing ended in the future.
 */
export function profileInputProblems(input: AlumniProfileInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const latest = latestMonth(now);
  for (const key of NOT_NULLABLE) {
    if (key in input && input[key] === null) problems.push({ field: key, message: `${key} cannot be null`, constraint: 'required' });
  }
  const seen = new Set<string>();
  (input.skills ?? []).forEach((s, i) => {
    const field = `skills.${i}`;
    if (!!s.skillId === !!s.name)
      problems.push({ field, message: 'Give either skillId (catalogue) or name (your own words), not both', constraint: 'skillKind' });
    const key = skillKey(s);
    if (seen.has(key)) problems.push({ field, message: 'This skill is listed twice', constraint: 'duplicate' });
    seen.add(key);
  });
  const codes = new Set<string>();
  (input.languages ?? []).forEach((l, i) => {
    if (codes.has(l.code)) problems.push({ field: `languages.${i}.code`, message: 'This language is listed twice', constraint: 'duplicate' });
    codes.add(l.code);
  });
  const months = (section: 'experiences' | 'education', list: Array<{ startMonth?: string | null; endMonth?: string | null }>) =>
    list.forEach((item, i) => {
      if (item.startMonth && item.endMonth && item.endMonth < item.startMonth)
        problems.push({ field: `${section}.${i}.endMonth`, message: 'endMonth cannot be before startMonth', constraint: 'monthOrder' });
      if (item.endMonth && item.endMonth > latest)
        problems.push({ field: `${section}.${i}.endMonth`, message: 'An ended period cannot end in the future', constraint: 'future' });
      if (section === 'education' && !item.endMonth && item.startMonth && item.startMonth > latest)
        problems.push({ field: `${section}.${i}.startMonth`, message: 'startMonth cannot be in the future', constraint: 'future' });
    });
  months('experiences', input.experiences ?? []);
  months('education', input.education ?? []);
  return problems;
}
