import { countryName, languageCode, monthProblem, textProblem, urlProblem } from '../common/text-rules';
import { latestMonth, profileInputProblems } from './profile-rules';

describe('profile rules', () => {
  it('months: YYYY-MM between 1950 and 2100', () => {
    expect(monthProblem('2024-07')).toBeNull();
    for (const bad of ['2024-7', '2024-13', '2024-00', '1949-12', '2101-01', '2024-07-01', 202407]) expect(monthProblem(bad)).not.toBeNull();
  });

  it('"this month" is taken in the zone furthest ahead, both sides of midnight UTC', () => {
    expect(latestMonth(new Date('2026-06-30T09:59:59Z'))).toBe('2026-06');
    expect(latestMonth(new Date('2026-06-30T10:00:00Z'))).toBe('2026-07');
    const at = new Date('2026-06-30T10:00:00Z');
    const problems = (endMonth: string) => profileInputProblems({ experiences: [{ title: 'a', organisation: 'b', startMonth: '2026-01', endMonth }] }, at);
    expect(problems('2026-07')).toEqual([]);
    expect(problems('2026-08')).toEqual([expect.objectContaining({ field: 'experiences.0.endMonth', constraint: 'future' })]);
  });

  it('texts: NUL, lone surrogates, controls and bidi overrides refused; newlines only where multi-line', () => {
    expect(textProblem('Léa', { max: 10 })).toBeNull();
    expect(textProblem('a\nb', { max: 10, multiline: true })).toBeNull();
    expect(textProblem('a\nb', { max: 10 })).not.toBeNull();
    for (const bad of ['a\u0000', 'a\ud800', '\udc00a', 'a\u202e', '   ', 'x'.repeat(11)])
      expect([bad, textProblem(bad, { max: 10, multiline: true })]).not.toEqual([bad, null]);
    // Length counts characters, not UTF-16 units: ten emoji fit in ten.
    expect(textProblem('😀'.repeat(10), { max: 10 })).toBeNull();
  });

  it('links: http or https to a host, no credentials', () => {
    expect(urlProblem('https://example.org/cv')).toBeNull();
    for (const bad of ['javascript:alert(1)', 'ftp://x.org', 'https://u:p@x.org', 'https://intranet', 'not a url', 'https://x.org/a b'])
      expect(urlProblem(bad)).not.toBeNull();
  });

  it('countries and languages are ISO codes ICU knows; language names map back to codes', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('ZZ')).toBeNull();
    expect(countryName('fr')).toBeNull();
    expect(languageCode('French')).toBe('fr');
    expect(languageCode('de')).toBe('de');
    expect(languageCode('Klingon')).toBeNull();
  });

  it('skills: one of catalogue or free text, no duplicates (free text ignores case)', () => {
    const problems = profileInputProblems(
      {
        skills: [{ name: 'Go', level: 2 }, { name: 'GO', level: 3 }, { skillId: 'a', name: 'x', level: 1 }, { level: 1 }],
      },
      new Date(),
    );
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['skills.1', 'duplicate'],
      ['skills.2', 'skillKind'],
      ['skills.3', 'skillKind'],
    ]);
  });
});
