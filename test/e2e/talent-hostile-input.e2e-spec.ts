import { randomUUID } from 'node:crypto';
import { LanguageLevel, ProfileViewer } from '@baton/alumni';
import { EventPhase } from '@baton/events';
import { createEvent, createOrganisation } from '../factories/events';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent } from '../factories/talent';
import { GraphqlResponse } from '../utils/graphql-client';
import { compileSearch } from '../utils/talent-search-reference.sql';
import { startTestApp, TestApp } from '../utils/test-app';
import { fuzzyWords } from '../../libs/talent/src/search/engine/talent-engine';
import { SavedSearchAlertsJob } from '../../libs/talent/src/saved/saved-search-alerts.job';

const SEARCH = `query($f: TalentSearchFilter, $first: Int, $after: String) {
  talentSearch(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { userId displayName } }
    facets { skills { value count } countries { value count } } } }`;
const SAVE = `mutation($f: TalentSearchFilter!, $name: String!) { saveTalentSearch(input: { name: $name, filter: $f }) { id } }`;

type Vars = Record<string, unknown>;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const many = <T>(n: number, item: (i: number) => T) => Array.from({ length: n }, (_, i) => item(i));

/** Each refused input, with the path of the field at fault as the refusal names it (its end: the prefix is the argument or variable). */
const REFUSED: Array<[string, Vars, string]> = [
  // Null where the schema says non-null: list elements and required fields.
  ['a null skill', { f: { skills: [null] } }, 'skills.0'],
  ['a skill without its name', { f: { skills: [{ skill: null }] } }, 'skills.0.skill'],
  ['a skill given as {}', { f: { skills: [{}] } }, 'skills.0.skill'],
  ['a language without its code', { f: { languages: [{ code: null }] } }, 'languages.0.code'],
  ['a null language', { f: { languages: [null] } }, 'languages.0'],
  ['a null team', { f: { teams: ['NET', null] } }, 'teams.1'],
  ['a null venue', { f: { venues: [null] } }, 'venues.0'],
  ['a null event', { f: { events: [null] } }, 'events.0'],
  // Empty and blank text.
  ['an empty text', { f: { text: '' } }, 'text'],
  ['a text of spaces', { f: { text: '     ' } }, 'text'],
  ['a text of Unicode spaces', { f: { text: '\u00a0\u2003\u3000\ufeff' } }, 'text'],
  ['a text of tabs and newlines', { f: { text: '\t\n' } }, 'text'],
  ['an empty skill', { f: { skills: [{ skill: ' ' }] } }, 'skills.0.skill'],
  ['an empty team code', { f: { teams: [''] } }, 'teams'],
  ['an empty city', { f: { city: '' } }, 'city'],
  // Huge values.
  ['a text of 100 KB', { f: { text: 'network '.repeat(12_800) } }, 'text'],
  ['a text of 10,000 words', { f: { text: many(10_000, (i) => `word${i}`).join(' ') } }, 'text'],
  ['a skill of 10 KB', { f: { skills: [{ skill: 'k'.repeat(10_240) }] } }, 'skills.0.skill'],
  ['a city of 10 KB', { f: { city: 'x'.repeat(10_240) } }, 'city'],
  ['a country of 10 KB', { f: { country: 'F'.repeat(10_240) } }, 'country'],
  ['10,000 skills', { f: { skills: many(10_000, () => ({ skill: 'k8s' })) } }, 'skills'],
  ['10,000 languages', { f: { languages: many(10_000, () => ({ code: 'fr' })) } }, 'languages'],
  ['10,000 teams', { f: { teams: many(10_000, (i) => `T${i}`) } }, 'teams'],
  ['10,000 venues', { f: { venues: many(10_000, () => 'STF') } }, 'venues'],
  ['10,000 events', { f: { events: many(10_000, () => 'PAR24') } }, 'events'],
  ['a team code of 51 characters', { f: { teams: ['T'.repeat(51)] } }, 'teams'],
  // Text no database can hold, or that reads as something else.
  ['a NUL in the text', { f: { text: 'net\u0000work' } }, 'text'],
  ['a NUL in a skill', { f: { skills: [{ skill: 'k8s\u0000' }] } }, 'skills.0.skill'],
  ['a lone high surrogate', { f: { text: 'network \ud800' } }, 'text'],
  ['a lone low surrogate in a venue', { f: { venues: ['\udc00STF'] } }, 'venues.0'],
  ['a control character', { f: { text: 'net\u0007work' } }, 'text'],
  ['a bidi override', { f: { city: '\u202eParis' } }, 'city'],
  // Numbers out of range.
  ['negative hours', { f: { minVerifiedHours: -1 } }, 'minVerifiedHours'],
  ['2^31 hours', { f: { minVerifiedHours: 2 ** 31 } }, 'minVerifiedHours'],
  ['1e308 hours', { f: { minVerifiedHours: 1e308 } }, 'minVerifiedHours'],
  ['hours as a text', { f: { minVerifiedHours: 'lots' } }, 'minVerifiedHours'],
  ['skill level 0', { f: { skills: [{ skill: 'k8s', minLevel: 0 }] } }, 'skills.0.minLevel'],
  ['skill level 5', { f: { skills: [{ skill: 'k8s', minLevel: 5 }] } }, 'skills.0.minLevel'],
  ['skill level 2^31', { f: { skills: [{ skill: 'k8s', minLevel: 2 ** 31 }] } }, 'skills.0.minLevel'],
  ['skill level 1.5', { f: { skills: [{ skill: 'k8s', minLevel: 1.5 }] } }, 'skills.0.minLevel'],
  ['first: 0', { f: {}, first: 0 }, 'first'],
  ['first: -5', { f: {}, first: -5 }, 'first'],
  ['first: 51', { f: {}, first: 51 }, 'first'],
  ['first: 100000', { f: {}, first: 100_000 }, 'first'],
  ['first: 2^31', { f: {}, first: 2 ** 31 }, 'first'],
  ['first: 1.5', { f: {}, first: 1.5 }, 'first'],
  // Cursors that are not ours.
  ['a garbage cursor', { f: {}, after: 'not-a-cursor' }, 'after'],
  ['a cursor of punctuation', { f: {}, after: '!!!***' }, 'after'],
  ['a cursor of JSON null', { f: {}, after: cursorOf(null) }, 'after'],
  ['a cursor of an object', { f: {}, after: cursorOf({ score: 1, userId: randomUUID() }) }, 'after'],
  ['a cursor of one value', { f: {}, after: cursorOf([1]) }, 'after'],
  ['a cursor with a text score', { f: {}, after: cursorOf(['1', randomUUID()]) }, 'after'],
  ['a cursor with an infinite score', { f: {}, after: Buffer.from(`[1e400,"${randomUUID()}"]`).toString('base64url') }, 'after'],
  ['a cursor with a bad id', { f: {}, after: cursorOf([1, "'; DROP TABLE users; --"]) }, 'after'],
  ['a cursor of 100 KB', { f: {}, after: 'A'.repeat(100_000) }, 'after'],
  ['a cursor as a number', { f: {}, after: 12 }, 'after'],
  // Enum-like values the schema does not know.
  ['language level Z9', { f: { languages: [{ code: 'fr', minLevel: 'Z9' }] } }, 'languages.0.minLevel'],
  ['language level in lower case', { f: { languages: [{ code: 'fr', minLevel: 'b2' }] } }, 'languages.0.minLevel'],
  ['language code FRA', { f: { languages: [{ code: 'FRA' }] } }, 'languages.0.code'],
  ['language code in upper case', { f: { languages: [{ code: 'FR' }] } }, 'languages.0.code'],
  ['country FRANCE', { f: { country: 'FRANCE' } }, 'country'],
  ['country in lower case', { f: { country: 'fr' } }, 'country'],
  ['open to work as a text', { f: { openToWork: 'yes' } }, 'openToWork'],
  ['text as a number', { f: { text: 42 } }, 'text'],
  ['skills as a text', { f: { skills: 'k8s' } }, 'skills'],
  ['a field the filter does not have', { f: { salary: 100 } }, 'salary'],
];

/** Inputs that must get an ordinary answer: nulls where null is allowed, tsquery syntax, odd but valid Unicode, unknown codes. */
const TSQUERY_TEXTS = [
  '&',
  '|',
  '!',
  '( )',
  ':',
  '*',
  '<->',
  '\\',
  "'",
  '"',
  `& | ! ( ) : * <-> \\ ' "`,
  'network & engineer',
  'network | project',
  '!network',
  '!!!!network',
  '(network',
  'network)',
  '((((((((((network))',
  'net:*',
  'network:A',
  'network:*ABCD & engin:*',
  'network <-> engineer',
  'network <2> engineer',
  'network<->',
  "'network' & 'engin'",
  "l'équipe réseau",
  '"network engineer',
  'network "',
  '-',
  '- -network',
  '-network',
  'network -engineer',
  'or',
  'network or',
  'or network',
  'network or or or project',
  '\\\\network\\',
  "'' & !() | <-> :* \\\\ ''",
  "a:*B & !(b <-> c) | 'd' \"e",
  'C:\\Windows\\System32 /usr/local/bin http://example.com/a?b=c&d=e user@example.com',
  '1.5 -2 3e10 0x1F 255.255.255.0',
];
const UNICODE_TEXTS = ['🏅 network', 'net\u200dwork', '\u200fnetwork', '\ufffe\uffff', '𠜎𠜱 network', 'ｎｅｔｗｏｒｋ', 'İstanbul ß ǅ', 'شبكة רשת', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇'];

/**
 * Hostile input to talent search (and to saved searches, which keep the same filter) over GraphQL
 * against the real database: every refusal is one typed BAD_USER_INPUT naming the field at fault,
 * never INTERNAL, a 500 or a stack; every accepted oddity gets the answer PostgreSQL itself gives
 * (the SQL reference); and the engine answers a normal search exactly as before, afterwards.
 */
describe('talent search under hostile input', () => {
  let t: TestApp;
  let recruiter: { id: string; token: string };
  let viewer: ProfileViewer;
  let baseline: { all: unknown; network: unknown };
  const ids: Record<string, string> = {};

  const search = (variables: Vars) => t.gql.request(SEARCH, variables, recruiter.token);
  const userIds = (result: GraphqlResponse) =>
    (result.data?.talentSearch as { edges: Array<{ node: { userId: string } }> }).edges.map((e) => e.node.userId).sort();

  /** What the SQL reference finds for this text: who and how many. */
  const reference = async (text: string) => {
    const normalised = text.normalize('NFC').trim();
    const [{ folded }] = await t.dataSource.query(`SELECT talent_fold($1) AS folded`, [normalised]);
    const { sql, values } = compileSearch(viewer, { text: normalised }, { first: 1000, after: null, facets: false, fuzzyWords: fuzzyWords(folded) });
    const [row] = await t.dataSource.query(sql, values);
    return { total: row.total as number, ids: (row.page as Array<[string, number]>).map(([id]) => id).sort() };
  };

  const expectRefused = (result: GraphqlResponse, field: string) => {
    expect(result.status).toBeLessThan(500);
    expect(result.data?.talentSearch ?? result.data?.saveTalentSearch ?? null).toBeNull();
    expect(result.errors).toBeDefined();
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.stacktrace).toBeUndefined();
    const fields = ((error.extensions?.fields ?? []) as Array<{ field: string }>).map((f) => f.field);
    expect(fields.some((f) => f === field || f.endsWith(`.${field}`))).toBe(true);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const organisation = await createOrganisation(t.dataSource);
    recruiter = await createRecruiter(t, organisation.id);
    viewer = { kind: 'RECRUITER', userId: recruiter.id, organisationId: organisation.id };
    const event = await createEvent(t.dataSource, { code: 'PAR24', phase: EventPhase.CLOSED });
    const kube = await createSkill(t.dataSource, { code: 'K8S', name: 'Kubernetes' });
    const games = (teamCode: string, venueCodes: string[], hours: number) => [
      { eventId: event.id, eventCode: 'PAR24', organisationId: organisation.id, teamCode, venueCodes, minutes: hours * 60 },
    ];
    ids.amelie = (
      await createTalent(t, {
        name: 'Amélie Dubreuil',
        headline: 'Ingénieure réseau',
        summary: "Réseaux de l'équipe des sites olympiques",
        country: 'FR',
        city: 'Saint-Denis',
        skills: [{ skillId: kube.id, level: 3 }],
        languages: [{ code: 'fr', level: LanguageLevel.NATIVE }],
        games: games('NET', ['STF'], 120),
      })
    ).id;
    ids.bastien = (
      await createTalent(t, {
        name: 'Bastien Roux',
        headline: 'Network engineer',
        country: 'FR',
        skills: [{ skillId: kube.id, level: 1 }],
        games: games('TIM', ['STF'], 40),
      })
    ).id;
    ids.chloe = (
      await createTalent(t, { name: 'Chloé Martin', headline: 'Project manager', summary: 'Led the network operations centre rollout', country: 'GB' })
    ).id;
    const all = await search({ f: {} });
    const network = await search({ f: { text: 'network engineer', skills: [{ skill: 'k8s' }] } });
    expect(userIds(all)).toEqual([ids.amelie, ids.bastien, ids.chloe].sort());
    expect(userIds(network)).toEqual([ids.bastien]);
    baseline = { all: all.data, network: network.data };
  }, 120_000);
  afterAll(() => t?.close());

  it.each(REFUSED)('refuses %s with a typed error naming the field', async (_name, variables, field) => {
    expectRefused(await search(variables), field);
  });

  it('refuses the same filters in a saved search, naming the field, and saves nothing', async () => {
    const filters = REFUSED.filter(([, v]) => v.first === undefined && v.after === undefined);
    for (const [name, variables, field] of filters) {
      const result = await t.gql.request(SAVE, { f: variables.f, name }, recruiter.token);
      try {
        expectRefused(result, field);
      } catch (error) {
        throw new Error(`${name}: ${JSON.stringify(result.errors ?? result.data).slice(0, 500)}\n${String(error)}`, { cause: error });
      }
    }
    for (const [name, field] of [
      ['', 'name'],
      ['n'.repeat(10_240), 'name'],
      ['a\u0000b', 'name'],
    ]) {
      expectRefused(await t.gql.request(SAVE, { f: {}, name }, recruiter.token), field);
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM talent_saved_searches`)).toEqual([{ n: 0 }]);
  });

  it('refuses hostile values written inline in the document too, naming the argument', async () => {
    const inline = (args: string) => t.gql.request(`query { talentSearch(${args}) { totalCount } }`, {}, recruiter.token);
    expectRefused(await inline('filter: { text: "net\\u0000work" }'), 'filter.text');
    expectRefused(await inline('filter: { skills: [null] }'), 'filter.skills.0');
    expectRefused(await inline('filter: { languages: [{ code: "fr", minLevel: Z9 }] }'), 'filter.languages.0.minLevel');
    expectRefused(await inline('first: -5'), 'first');
    // A huge page written inline is also refused by the query cost limit (it multiplies by `first`), before any resolver:
    // typed, never INTERNAL, and the out-of-range Int is still named.
    for (const first of ['99999999999', '100000']) {
      const result = await inline(`first: ${first}`);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors!) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
    }
    const int = await inline('first: 99999999999');
    expect(int.errors).toContainEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] }) }),
    );
    expectRefused(await inline(`filter: { text: "${'word '.repeat(20_000)}" }`), 'text');
  });

  it('answers nulls wherever null is allowed as if the field were not given', async () => {
    const nulls = {
      text: null,
      skills: null,
      languages: null,
      teams: null,
      venues: null,
      events: null,
      minVerifiedHours: null,
      country: null,
      city: null,
      openToWork: null,
    };
    for (const variables of [{ f: nulls }, { f: null }, {}, { f: {}, first: null, after: null }, { f: { ...nulls, text: undefined } }]) {
      const result = await search(variables);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(baseline.all);
    }
    const levels = await search({ f: { skills: [{ skill: 'K8S', minLevel: null }], languages: [{ code: 'fr', minLevel: null }] } });
    expect(userIds(levels)).toEqual([ids.amelie]);
  });

  it('answers tsquery syntax and odd Unicode in the text exactly as PostgreSQL finds it', async () => {
    for (const text of [...TSQUERY_TEXTS, ...UNICODE_TEXTS]) {
      const result = await search({ f: { text } });
      const expected = await reference(text);
      try {
        expect(result.errors).toBeUndefined();
        expect({ total: (result.data?.talentSearch as { totalCount: number }).totalCount, ids: userIds(result) }).toEqual(expected);
      } catch (error) {
        throw new Error(`text ${JSON.stringify(text)}: ${JSON.stringify(result.errors ?? result.data).slice(0, 500)}\n${String(error)}`, { cause: error });
      }
    }
    // Operators a web-search box does not have are separators: the same as the plain words.
    const plain = userIds(await search({ f: { text: 'network engineer' } }));
    expect(plain).toEqual([ids.bastien]);
    for (const text of ['network & engineer', '(network) engineer:*', "'network' 'engineer'", 'network\\ engineer']) {
      expect(userIds(await search({ f: { text } }))).toEqual(plain);
    }
    // NFC: a decomposed accent is the composed one.
    expect(userIds(await search({ f: { text: 'Inge\u0301nieure' } }))).toEqual([ids.amelie]);
  });

  it('answers the largest filter the limits allow, and refuses one character or one item more', async () => {
    // 50 distinct words of 3 letters or more (200 characters): the most approximate name matching one text can ask for.
    const words = many(50, (i) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26), 120)).join(' ');
    const largest = {
      text: words.padEnd(200, 'x'),
      skills: many(10, (i) => ({ skill: `${i}`.padEnd(100, 'é'), minLevel: 4 })),
      languages: many(10, (i) => ({ code: String.fromCharCode(97 + i, 97 + i), minLevel: 'NATIVE' })),
      teams: many(10, (i) => `${i}`.padEnd(50, 'T')),
      venues: many(10, (i) => `${i}`.padEnd(50, 'V')),
      events: many(10, (i) => `${i}`.padEnd(16, 'E')),
      minVerifiedHours: 100_000,
      country: 'FR',
      city: 'c'.repeat(100),
      openToWork: true,
    };
    expect([...largest.text]).toHaveLength(200);
    const answer = await search({ f: largest, first: 50 });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.talentSearch).toMatchObject({ totalCount: 0, edges: [] });
    expectRefused(await search({ f: { ...largest, text: `${largest.text}y` } }), 'text');
    expectRefused(await search({ f: { ...largest, skills: [...largest.skills, { skill: 'k8s' }] } }), 'skills');
    expectRefused(await search({ f: { ...largest, city: `${largest.city}c` } }), 'city');
    expectRefused(await search({ f: { ...largest, events: [`${largest.events[0]}E`] } }), 'events');
  });

  it('answers well-formed values nobody has with nothing, and odd numbers and forged cursors sensibly', async () => {
    for (const f of [
      { country: 'ZZ' },
      { languages: [{ code: 'zz' }] },
      { skills: [{ skill: '🏅' }] },
      { teams: ['NOPE'] },
      { city: 'Atlantis' },
      { minVerifiedHours: 100_000 },
    ]) {
      const result = await search({ f });
      expect(result.errors).toBeUndefined();
      expect(result.data?.talentSearch).toMatchObject({ totalCount: 0, edges: [] });
    }
    // -0 and 0 hours filter nothing; a tiny positive number is a minute.
    for (const minVerifiedHours of [0, -0]) expect(userIds(await search({ f: { minVerifiedHours } }))).toHaveLength(3);
    expect(userIds(await search({ f: { minVerifiedHours: 0.0001 } }))).toEqual([ids.amelie, ids.bastien].sort());
    // A single value where a list is expected is a list of one (GraphQL's input coercion).
    expect(userIds(await search({ f: { teams: 'NET' } }))).toEqual([ids.amelie]);
    // A well-formed cursor nobody issued is only a position: before everyone, or after everyone.
    expect(userIds(await search({ f: {}, after: cursorOf([1e300, randomUUID()]) }))).toHaveLength(3);
    expect(userIds(await search({ f: {}, after: cursorOf([-1e300, 'ffffffff-ffff-ffff-ffff-ffffffffffff']) }))).toEqual([]);
    // An empty cursor is no cursor.
    expect((await search({ f: {}, after: '' })).data).toEqual(baseline.all);
  });

  it('saves the accepted oddities, and their alerts run', async () => {
    const alerts = t.app.get(SavedSearchAlertsJob);
    for (const f of [{ text: `& | ! ( ) : * <-> \\ ' "` }, { skills: [{ skill: 'K8S', minLevel: null }], city: null }, { text: '🏅 network', country: 'ZZ' }]) {
      const { id } = (await t.gql.ok(SAVE, { f, name: 'Odd' }, recruiter.token)).saveTalentSearch;
      expect(await alerts.runOne(id)).toBeGreaterThanOrEqual(0);
    }
  });

  it('still answers a normal search exactly as before all this', async () => {
    expect((await search({ f: {} })).data).toEqual(baseline.all);
    expect((await search({ f: { text: 'network engineer', skills: [{ skill: 'k8s' }] } })).data).toEqual(baseline.network);
  });
});
