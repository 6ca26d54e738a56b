import { FieldProblem } from '@baton/core';
import { type GamesRecordSummary, verificationCodeOf } from '@baton/credentials';
import { LanguageLevel } from '../common/alumni-enums';
import { languageCode } from '../common/text-rules';
import {
  AlumniEducationObject,
  AlumniExperienceObject,
  AlumniLanguageObject,
  AlumniLinkObject,
  AlumniProfileObject,
  AlumniSkillObject,
} from '../profile/dto/profile.object';
import { AlumniProfileInput } from '../profile/dto/profile.input';

/**
 * JSON Resume (jsonresume.org, schema 1.0.0 as published in @jsonresume/schema 1.3.1) to and
 * from a profile. Export: only what the viewer may see, never contact details (email, phone are
 * not part of a profile), absent values left out rather than null (the schema wants strings).
 * The Games: each verified record the viewer may see becomes a `work` entry whose `url` is its
 * public verification page, before the experiences people entered; an import recognises those
 * URLs and leaves such entries out (a record is issued, never typed in).
 */

export interface ResumeSections {
  skills: AlumniSkillObject[] | null;
  languages: AlumniLanguageObject[] | null;
  experiences: AlumniExperienceObject[] | null;
  education: AlumniEducationObject[] | null;
  links: AlumniLinkObject[] | null;
  /** Valid, shown records only (verified-records.ts decides). */
  records: readonly GamesRecordSummary[];
}

/** A verified record as a JSON Resume job: the organisation, the Games roles, the figures, the page that proves them. */
function recordWork(r: GamesRecordSummary): Json {
  const hours = r.hoursWorked.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return compact({
    name: r.organisationName,
    position: r.roles.length ? r.roles.join(', ') : 'Games-time technology staff',
    url: r.verificationUrl,
    startDate: r.firstDay,
    endDate: r.lastDay,
    summary: `${r.eventName}: ${r.shiftsWorked} shift${r.shiftsWorked === 1 ? '' : 's'}, ${hours} hours worked (checked-in time). Verified record: ${r.verificationUrl}`,
    highlights: [...r.teams.map((t) => `Team: ${t}`), ...r.venues.map((v) => `Venue: ${v}`)],
  });
}

export const SKILL_LEVEL_NAMES: Record<number, string> = { 1: 'Basic', 2: 'Autonomous', 3: 'Expert', 4: 'Lead' };
const NATIVE = 'Native speaker';

type Json = Record<string, unknown>;
const compact = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));

export function toJsonResume(profile: AlumniProfileObject, s: ResumeSections): Json {
  const location = profile.location ? compact({ city: profile.location.city, countryCode: profile.location.country }) : null;
  return compact({
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: compact({
      name: profile.displayName,
      label: profile.headline,
      summary: profile.summary,
      location: location && Object.keys(location).length ? location : null,
      profiles: s.links?.map((l) => ({ network: l.label, url: l.url })),
    }),
    work: [
      ...s.records.map(recordWork),
      ...(s.experiences ?? []).map((e) =>
        compact({
          name: e.organisation,
          position: e.title,
          url: e.url,
          location: e.location,
          startDate: e.startMonth,
          endDate: e.endMonth,
          summary: e.description,
        }),
      ),
    ],
    education: s.education?.map((e) =>
      compact({ institution: e.institution, area: e.area, studyType: e.studyType, startDate: e.startMonth, endDate: e.endMonth }),
    ),
    skills: s.skills?.map((k) => compact({ name: k.name, level: SKILL_LEVEL_NAMES[k.level] })),
    languages: s.languages?.map((l) => ({ language: l.name, fluency: l.level === LanguageLevel.NATIVE ? NATIVE : l.level })),
    meta: { version: 'v1.0.0', lastModified: profile.updatedAt.toISOString() },
  });
}

/** Words people put in `skills[].level`, to Baton's 1–4; anything else is 2 (autonomous). */
const SKILL_LEVEL_WORDS: Record<string, number> = {
  '1': 1,
  basic: 1,
  beginner: 1,
  novice: 1,
  '2': 2,
  autonomous: 2,
  intermediate: 2,
  '3': 3,
  advanced: 3,
  expert: 3,
  '4': 4,
  lead: 4,
  master: 4,
  'can lead': 4,
};

const FLUENCY_WORDS: Record<string, LanguageLevel> = {
  native: LanguageLevel.NATIVE,
  'native speaker': LanguageLevel.NATIVE,
  'mother tongue': LanguageLevel.NATIVE,
  bilingual: LanguageLevel.NATIVE,
  fluent: LanguageLevel.C1,
  'full professional': LanguageLevel.C1,
  'professional working': LanguageLevel.B2,
  'limited working': LanguageLevel.B1,
  elementary: LanguageLevel.A2,
  beginner: LanguageLevel.A1,
};

/** "2024-07-15", "2024-07" or "2024" → "2024-07" / "2024-01". */
function toMonth(date: unknown): string | null | undefined {
  if (date === undefined || date === null || date === '') return undefined;
  if (typeof date !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$/.exec(date);
  return match ? `${match[1]}-${match[2] ?? '01'}` : null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === 'object' && !Array.isArray(x)) : []);

export interface ImportMapping {
  input: AlumniProfileInput;
  problems: FieldProblem[];
  /** Where each imported experience stands in `resume.work` (verified entries are skipped). */
  workIndexes: number[];
}

/**
 * A JSON Resume to a profile change. Sections present replace the profile's; absent ones stay.
 * Contact details (email, phone, address) and sections Baton has no place for (volunteer,
 * awards, projects…) are ignored. `catalogue` finds a catalogue skill by name or code.
 */
export function fromJsonResume(resume: Json, catalogue: (name: string) => string | undefined): ImportMapping {
  const problems: FieldProblem[] = [];
  const workIndexes: number[] = [];
  const input: AlumniProfileInput = {};
  const basics = resume.basics && typeof resume.basics === 'object' ? (resume.basics as Json) : undefined;
  if (basics) {
    if (str(basics.name)) input.displayName = basics.name as string;
    if ('label' in basics) input.headline = str(basics.label) ?? null;
    if ('summary' in basics) input.summary = str(basics.summary) ?? null;
    const location = basics.location && typeof basics.location === 'object' ? (basics.location as Json) : undefined;
    if (location) {
      input.city = str(location.city) ?? null;
      input.country = str(location.countryCode)?.toUpperCase() ?? null;
    }
    if ('profiles' in basics || 'url' in basics) {
      const links = list(basics.profiles).map((p) => ({ label: str(p.network) ?? 'Link', url: (str(p.url) ?? '') as string }));
      if (str(basics.url) && !links.some((l) => l.url === basics.url)) links.push({ label: 'Website', url: basics.url as string });
      input.links = links;
    }
  }
  if ('work' in resume) {
    // Verified records come back in an exported resume: they are issued, not typed in, so they stay out.
    const typed = list(resume.work).flatMap((w, i) => (verificationCodeOf(w.url) ? [] : [{ w, i }]));
    workIndexes.push(...typed.map((t) => t.i));
    input.experiences = typed.map(({ w, i }) => {
      const startMonth = toMonth(w.startDate);
      const endMonth = toMonth(w.endDate);
      if (!startMonth) problems.push({ field: `resume.work.${i}.startDate`, message: 'A job needs a startDate (YYYY-MM)', constraint: 'required' });
      const highlights = Array.isArray(w.highlights) ? w.highlights.filter((h): h is string => typeof h === 'string' && !!h.trim()) : [];
      const description = [str(w.summary), ...highlights.map((h) => `- ${h}`)].filter(Boolean).join('\n');
      return {
        title: (str(w.position) ?? '') as string,
        organisation: (str(w.name) ?? str(w.company) ?? '') as string,
        location: str(w.location) ?? null,
        url: str(w.url) ?? null,
        startMonth: (startMonth ?? '') as string,
        endMonth: endMonth ?? null,
        description: description || null,
      };
    });
  }
  if ('education' in resume) {
    input.education = list(resume.education).map((e) => ({
      institution: (str(e.institution) ?? '') as string,
      area: str(e.area) ?? null,
      studyType: str(e.studyType) ?? null,
      startMonth: toMonth(e.startDate) ?? null,
      endMonth: toMonth(e.endDate) ?? null,
    }));
  }
  if ('skills' in resume) {
    input.skills = list(resume.skills).map((k) => {
      const name = (str(k.name) ?? '') as string;
      const skillId = name ? catalogue(name) : undefined;
      const level =
        SKILL_LEVEL_WORDS[
          String(k.level ?? '')
            .trim()
            .toLowerCase()
        ] ?? 2;
      return skillId ? { skillId, level } : { name, level };
    });
  }
  if ('languages' in resume) {
    input.languages = list(resume.languages).map((l, i) => {
      const code = languageCode(String(l.language ?? ''));
      if (!code)
        problems.push({ field: `resume.languages.${i}.language`, message: 'Unknown language: use its English name or ISO 639-1 code', constraint: 'language' });
      const fluency = String(l.fluency ?? '').trim();
      const level = (Object.values(LanguageLevel) as string[]).includes(fluency.toUpperCase())
        ? (fluency.toUpperCase() as LanguageLevel)
        : (FLUENCY_WORDS[fluency.toLowerCase()] ?? LanguageLevel.B2);
      return { code: code ?? '', level };
    });
  }
  return { input, problems, workIndexes };
}

/** Input field paths back to JSON Resume paths, so an error names what the person sent. */
const SECTION_PATHS: Record<string, string> = {
  displayName: 'basics.name',
  headline: 'basics.label',
  summary: 'basics.summary',
  city: 'basics.location.city',
  country: 'basics.location.countryCode',
  links: 'basics.profiles',
  experiences: 'work',
  education: 'education',
  skills: 'skills',
  languages: 'languages',
};
const FIELD_PATHS: Record<string, Record<string, string>> = {
  experiences: { title: 'position', organisation: 'name', startMonth: 'startDate', endMonth: 'endDate', description: 'summary' },
  education: { startMonth: 'startDate', endMonth: 'endDate' },
  links: { label: 'network' },
  skills: { skillId: 'name' },
  languages: { code: 'language', level: 'fluency' },
};

export function toResumePath(field: string, workIndexes: readonly number[] = []): string {
  if (field.startsWith('resume.')) return field;
  const [section, given, inner] = field.split('.');
  const index = section === 'experiences' && given !== undefined ? String(workIndexes[Number(given)] ?? given) : given;
  const base = SECTION_PATHS[section] ?? section;
  if (index === undefined) return `resume.${base}`;
  if (inner === undefined) return `resume.${base}.${index}`;
  return `resume.${base}.${index}.${FIELD_PATHS[section]?.[inner] ?? inner}`;
}
