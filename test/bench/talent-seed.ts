import { Client } from 'pg';

export interface TalentSeedResult {
  profiles: number;
  opportunities: number;
  seconds: { insert: number; documents: number };
}

/**
 * The generated network: `people` users with an alumni profile (French and English text, accents,
 * names with typos to find), skills from the catalogue plus some free-text ones, languages,
 * experiences, consents, a few blocks of the demo recruiter's organisation, and Games records on
 * three past Games created here (staff records + verified hours). Plain SQL with generate_series,
 * triggers and foreign keys off (`session_replication_role = replica`: every row below is made
 * consistent by construction), then the documents in batches, as the triggers would have built them (ANALYZE is the caller's).
 * Runs after the demo seed, which provides the skills catalogue, the partner organisations, the
 * consent text and recruiter@baton.demo.
 */
export async function seedTalent(databaseUrl: string, people: number, postings: number): Promise<TalentSeedResult> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const t0 = Date.now();
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`SELECT setseed(0.2024)`);
    for (const statement of talentStatements(people, postings)) await client.query(statement);
    await client.query('COMMIT');
    const t1 = Date.now();
    // In batches, so each call's `= ANY(ids)` stays an index lookup on a short array.
    const { rows } = await client.query<{ ids: string[] }>(
      `SELECT array_agg(user_id ORDER BY user_id) AS ids FROM alumni_profiles WHERE NOT EXISTS (SELECT 1 FROM talent_documents d WHERE d.user_id = alumni_profiles.user_id)`,
    );
    const ids = rows[0].ids ?? [];
    for (let i = 0; i < ids.length; i += 5_000) await client.query('SELECT talent_refresh_documents($1::uuid[])', [ids.slice(i, i + 5_000)]);
    const t2 = Date.now();
    // No ANALYZE here: gatherDemoData runs it right after.
    return { profiles: people, opportunities: postings, seconds: { insert: (t1 - t0) / 1000, documents: (t2 - t1) / 1000 } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const list = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;

const FIRST = list([
  'Amélie',
  'Chloé',
  'Léa',
  'Zoé',
  'Inès',
  'Hélène',
  'Céline',
  'Margaux',
  'Noémie',
  'Élodie',
  'François',
  'Jérôme',
  'Sébastien',
  'Stéphane',
  'Loïc',
  'Théo',
  'Gaëtan',
  'Benoît',
  'Hervé',
  'Joël',
  'Emma',
  'Olivia',
  'Sophie',
  'Grace',
  'Hannah',
  'James',
  'Oliver',
  'Harry',
  'William',
  'Thomas',
  'Daniel',
  'Samuel',
  'Yasmine',
  'Karim',
  'Mehdi',
  'Aïcha',
  'Björn',
  'Jürgen',
  'Ana',
  'José',
]);
const LAST = list([
  'Martin',
  'Bernard',
  'Dubois',
  'Lefèvre',
  'Lefebvre',
  'Mercier',
  'Girard',
  'Fournier',
  'Rousseau',
  'Lemaître',
  'Bélanger',
  'Gauthier',
  'Côté',
  'Lévesque',
  'Dupont',
  'Moreau',
  'Garçon',
  'Périer',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Nguyen',
  'Benali',
  'Haddad',
  'Müller',
  'Schäfer',
  'García',
  'Núñez',
  'Kowalski',
]);
const HEADLINES = list([
  'Ingénieur réseau spécialisé Wi-Fi haute densité',
  'Network engineer, stadium Wi-Fi and fibre backbones',
  'Administratrice systèmes Linux et virtualisation',
  'Linux systems administrator and private cloud operator',
  'Responsable chronométrage et tableaux d’affichage',
  'Timing and scoreboard operations lead',
  'Analyste SOC, réponse à incident et sécurité opérationnelle',
  'Security operations analyst, incident response',
  'Technicienne radio : réseaux TETRA et gestion du spectre',
  'Radio engineer, trunked networks and spectrum management',
  'Chef de projet résultats sportifs et diffusion des données',
  'Results systems project manager',
  'Support informatique de proximité, centre de service',
  'Field IT support and service desk coordinator',
  'Télécoms : téléphonie IP, câblage et mobiles',
  'Broadcast IT and contribution networks engineer',
]);
const SUMMARIES = list([
  'Dix ans d’expérience dans l’exploitation de réseaux pour de grands événements sportifs ; habituée aux contraintes des sites temporaires et aux déploiements rapides.',
  'I have run venue networks for three Games and several world championships, from design to the last cable pulled out after the closing ceremony.',
  'Passionné par la supervision, l’automatisation et la fiabilité des systèmes critiques. Disponible pour des missions en France et à l’étranger.',
  'Calm under pressure, I coordinate technicians across venues and keep the service desk answering during peak sessions.',
  'Spécialiste de la sécurité : détection, réponse à incident, gestion des identités et des accès pour des milliers d’accréditations.',
  'Results and timing specialist: photo finish, data entry and the feeds that reach broadcasters and the scoreboards within a second.',
  'Expérience en télécommunications, réseaux radio et coordination des fréquences avec les autorités ; bénévole lors de plusieurs Jeux.',
  'Experienced with Linux, virtualisation, backups and databases; I like documenting runbooks that others can follow at three in the morning.',
]);
const ROLES = list([
  'Ingénieur réseau',
  'Network engineer',
  'Administrateur systèmes',
  'Systems administrator',
  'Technicien support',
  'Field support technician',
  'Analyste sécurité',
  'Security analyst',
  'Chef de projet',
  'Project manager',
  'Opérateur chronométrage',
  'Timing operator',
]);
const CITIES = list([
  'Paris',
  'Lyon',
  'Marseille',
  'Toulouse',
  'Nice',
  'Nantes',
  'Strasbourg',
  'Montréal',
  'Québec',
  'Genève',
  'Zürich',
  'Bruxelles',
  'London',
  'Manchester',
  'Saint-Étienne',
  'Besançon',
  'Orléans',
  'Clermont-Ferrand',
  'Liège',
  'Lausanne',
]);
const COUNTRIES = list(['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'CA', 'CA', 'CH', 'CH', 'BE', 'GB', 'GB', 'FR', 'FR', 'FR', 'FR', 'BE', 'CH']);
const FREE_SKILLS = list(['Kubernetes', 'Gestion de crise', 'Câblage fibre optique', 'Ansible', 'Réseaux SD-WAN', 'Prometheus', 'Télémétrie', 'Python']);
const JOB_TITLES = list([
  'Ingénieur réseau',
  'Network engineer',
  'Technicien de maintenance',
  'IT support analyst',
  'Responsable sécurité',
  'Systems engineer',
  'Chef d’équipe résultats',
  'Radio technician',
]);
const COMPANIES = list(['Orange Business', 'Atos', 'Capgemini', 'Sopra Steria', 'BT Sport', 'Swiss Timing', 'Thales', 'Cisco', 'Société Générale', 'SNCF']);
const JOB_TEXT = list([
  'Déploiement et exploitation du réseau de sites temporaires, supervision 24/7.',
  'Designed and operated the venue LAN and Wi-Fi for up to 80,000 spectators.',
  'Maintenance des serveurs Linux, sauvegardes et plan de reprise d’activité.',
  'Ran the results feed from the field of play to broadcasters and the web.',
  'Gestion des incidents de sécurité et des accès pour les accréditations.',
  'Installed and tested trunked radio networks, frequency coordination.',
]);
const TEAMS = list(['NET', 'SYS', 'RES', 'TSC', 'RAD', 'SEC', 'SUP', 'TEL', 'BRO']);
const TEAM_NAMES = list(['Réseau', 'Systèmes', 'Résultats', 'Technologie sportive', 'Radio', 'Sécurité', 'Support', 'Télécoms', 'Broadcast']);
const VENUES = list(['STA', 'AQC', 'ARN', 'VEL', 'IBC', 'MPC', 'OLV', 'TEN', 'GOL', 'EQU', 'SAI', 'MAR']);
const LANGS = list(['es', 'de', 'it', 'pt', 'ar', 'nl']);
const LEVELS = `ARRAY['A1','A2','B1','B2','C1','C2','NATIVE']::alumni_language_level[]`;
const GAMES = [
  ['LON12', 'Londres 2012 / London 2012', 'Europe/London', '2012-07-27', '2012-08-12'],
  ['RIO16', 'Rio 2016', 'America/Sao_Paulo', '2016-08-05', '2016-08-21'],
  ['TYO20', 'Tokyo 2020', 'Asia/Tokyo', '2021-07-23', '2021-08-08'],
];
/** Index in 1-based SQL arrays from a number: deterministic spread over the list. */
const pick = (array: string, key: string) => `(${array})[1 + (${key}) % cardinality(${array})]`;

/** Every statement of the bulk insert, in order; `bench_people` is the generated set of persons. */
export function talentStatements(people: number, postings: number): string[] {
  return [
    `CREATE TEMP TABLE bench_people ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, (random() * 1e9)::bigint AS r1, (random() * 1e9)::bigint AS r2, random() AS r3, random() AS r4
         FROM generate_series(1, ${people}) n`,
    `INSERT INTO users (id, email, display_name, status)
       SELECT id, 'talent-' || n || '@bench.baton', ${pick(FIRST, 'r1')} || ' ' || ${pick(LAST, 'r2')}, 'ACTIVE' FROM bench_people`,
    `INSERT INTO role_grants (user_id, role) SELECT id, 'ALUMNUS' FROM bench_people`,
    // Most people show themselves to partners (the bench measures the recruiter's search); some keep to alumni or themselves.
    `INSERT INTO alumni_profiles (user_id, display_name, headline, summary, city, country, open_to_work, desired_roles, visibility, hidden_sections)
       SELECT b.id, u.display_name,
              ${pick(HEADLINES, 'r1 / 7')},
              CASE WHEN r3 < 0.85 THEN ${pick(SUMMARIES, 'r2 / 11')} || ' ' || ${pick(SUMMARIES, 'r1 / 13')} END,
              CASE WHEN r4 < 0.9 THEN ${pick(CITIES, 'r2 / 17')} END,
              CASE WHEN r4 < 0.9 THEN ${pick(COUNTRIES, 'r2 / 17')} END,
              r3 < 0.35,
              CASE WHEN r4 < 0.6 THEN ARRAY[${pick(ROLES, 'r1 / 19')}, ${pick(ROLES, 'r2 / 23')}] ELSE '{}' END,
              (CASE WHEN r4 < 0.7 THEN 'PARTNERS' WHEN r4 < 0.92 THEN 'ALUMNI' ELSE 'PRIVATE' END)::alumni_visibility,
              CASE WHEN r3 > 0.95 THEN ARRAY['SUMMARY'] WHEN r3 > 0.93 THEN ARRAY['LOCATION'] ELSE '{}' END
         FROM bench_people b JOIN users u ON u.id = b.id`,
    `INSERT INTO alumni_consents (user_id, consent_text_id, purpose, given_at, withdrawn_at)
       SELECT b.id, t.id, 'ALUMNI_NETWORK', now() - interval '1 day' * (r1 % 700) - interval '1 day',
              CASE WHEN r3 BETWEEN 0.5 AND 0.55 THEN now() - interval '1 hour' END
         FROM bench_people b, LATERAL (SELECT id FROM alumni_consent_texts WHERE purpose = 'ALUMNI_NETWORK' ORDER BY version DESC LIMIT 1) t`,
    `INSERT INTO alumni_organisation_blocks (user_id, organisation_id)
       SELECT b.id, o.id FROM bench_people b JOIN organisations o ON o.code = 'ATLANTEC' WHERE r3 BETWEEN 0.2 AND 0.21`,
    // 2 to 7 catalogue skills each, distinct by construction (consecutive catalogue positions), levels skewed low.
    `INSERT INTO alumni_profile_skills (user_id, skill_id, level, position)
       SELECT b.id, k.id, 1 + ((r1 / 29 + i * 7) % 10)::int / 3, i
         FROM bench_people b
         CROSS JOIN LATERAL generate_series(0, 1 + (r2 % 6)::int) i
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS pos, count(*) OVER () AS total FROM skills) k
           ON k.pos = (b.r1 + i) % k.total`,
    `INSERT INTO alumni_profile_skills (user_id, name, level, position)
       SELECT id, ${pick(FREE_SKILLS, 'r2 / 31')}, 1 + (r1 % 4)::int, 20 FROM bench_people WHERE r4 < 0.15`,
    `INSERT INTO alumni_profile_languages (user_id, code, level, position)
       SELECT id, 'fr', (${LEVELS})[CASE WHEN r4 < 0.7 THEN 7 ELSE 1 + (r1 % 6)::int END], 0 FROM bench_people WHERE r3 < 0.9
       UNION ALL
       SELECT id, 'en', (${LEVELS})[CASE WHEN r4 >= 0.7 THEN 7 ELSE 1 + (r2 % 6)::int END], 1 FROM bench_people WHERE r3 > 0.1
       UNION ALL
       SELECT id, ${pick(LANGS, 'r1 / 37')}, (${LEVELS})[1 + (r2 / 41 % 6)::int], 2 FROM bench_people WHERE r4 BETWEEN 0.2 AND 0.5`,
    `INSERT INTO alumni_experiences (user_id, title, organisation, location, start_month, end_month, description, position)
       SELECT id, ${pick(JOB_TITLES, `r1 / 43 + i`)}, ${pick(COMPANIES, `r2 / 47 + i`)}, ${pick(CITIES, `r1 / 53 + i`)},
              date '2010-01-01' + make_interval(months => (i * 48 + (r2 % 24))::int),
              CASE WHEN i < 2 THEN date '2010-01-01' + make_interval(months => (i * 48 + 40)::int) END,
              ${pick(JOB_TEXT, `r2 / 59 + i`)}, i
         FROM bench_people CROSS JOIN LATERAL generate_series(0, (r1 % 3)::int) i`,
    `INSERT INTO events (code, name, time_zone, starts_on, ends_on, phase) VALUES
       ${GAMES.map(([code, name, zone, from, to]) => `('${code}', '${name}', '${zone}', '${from}', '${to}', 'CLOSED')`).join(', ')}
       ON CONFLICT (code) DO NOTHING`,
    // About 70 % worked one to three past Games: a staff record per Games, and its signed record with verified minutes.
    `CREATE TEMP TABLE bench_games ON COMMIT DROP AS
       SELECT gen_random_uuid() AS staff_member_id, b.id AS user_id, b.r1, b.r2, e.id AS event_id, e.code, e.name, e.starts_on, e.ends_on, g.k
         FROM bench_people b
         CROSS JOIN LATERAL generate_series(0, (b.r2 % 3)::int) g(k)
         JOIN events e ON e.code = (ARRAY[${GAMES.map(([code]) => `'${code}'`).join(', ')}])[1 + (b.r1 / 61 + g.k) % 3]
        WHERE b.r3 < 0.7`,
    `INSERT INTO staff_members (id, event_id, user_id, organisation_id, display_name, employment_type, accreditation_status)
       SELECT g.staff_member_id, g.event_id, g.user_id, o.id, u.display_name, 'VOLUNTEER', 'VALID'
         FROM bench_games g JOIN users u ON u.id = g.user_id JOIN organisations o ON o.code = 'TECH-VOL'`,
    `INSERT INTO alumni_games_experiences (staff_member_id, user_id, event_id, event_code, event_name, event_starts_on, event_ends_on, organisation_name,
                                           team_code, team_name, role_titles, shifts, minutes, first_shift_at, last_shift_at, venue_codes, venues, team_codes, teams)
       SELECT staff_member_id, user_id, event_id, code, name, starts_on, ends_on, 'Tech volunteers',
              ${pick(TEAMS, 'r1 / 67 + k')}, ${pick(TEAM_NAMES, 'r1 / 67 + k')},
              ARRAY[${pick(TEAM_NAMES, 'r1 / 67 + k')} || ' – ' || ${pick(ROLES, 'r2 / 71 + k')}],
              s, s * 480, starts_on::timestamptz, ends_on::timestamptz,
              ARRAY[${pick(VENUES, 'r2 / 73 + k')}], '[]', ARRAY[${pick(TEAMS, 'r1 / 67 + k')}], '[]'
         FROM bench_games, LATERAL (SELECT 1 + ((r2 / 79 + k * 5) % 20)::int AS s) shifts`,
    ...opportunityStatements(postings),
  ];
}

const TITLES = list([
  'Ingénieur réseau Wi-Fi (H/F)',
  'Network engineer – venue operations',
  'Administrateur systèmes Linux',
  'Analyste SOC N2',
  'Technicien support de proximité',
  'Timing and scoreboard operator',
  'Chef de projet résultats',
  'Radio frequency engineer',
  'Technicien câblage fibre',
  'Broadcast IT engineer',
]);
const OPPORTUNITY_TEXT = list([
  'Rejoignez l’équipe qui exploite les réseaux des grands événements sportifs : déploiement, supervision et astreintes.',
  'You will operate the venue networks of major sport events, from the test events to the closing ceremony.',
  'Poste basé à Paris avec déplacements ; expérience des Jeux appréciée.',
]);

/** Postings of the partner organisations, mostly open, some drafts, closed and expired, each with two skills and a language. */
function opportunityStatements(postings: number): string[] {
  if (postings <= 0) return [];
  return [
    `CREATE TEMP TABLE bench_postings ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id, (random() * 1e9)::bigint AS r1, random() AS r3, o.id AS organisation_id
         FROM generate_series(1, ${postings}) n
         JOIN LATERAL (SELECT id FROM organisations WHERE kind = 'PARTNER' ORDER BY code OFFSET (n * 7919 % (SELECT count(*) FROM organisations WHERE kind = 'PARTNER')) LIMIT 1) o ON TRUE`,
    `INSERT INTO opportunities (id, kind, organisation_id, title, description, city, country, work_mode, contract_type, sport_sector, expires_at, status, published_at, closed_at, created_at)
       SELECT id, 'POSTING', organisation_id, ${pick(TITLES, 'r1')}, ${pick(OPPORTUNITY_TEXT, 'r1 / 11')} || ' ' || ${pick(OPPORTUNITY_TEXT, 'r1 / 13')},
              CASE WHEN r1 % 5 = 0 THEN NULL ELSE ${pick(CITIES, 'r1 / 17')} END, ${pick(COUNTRIES, 'r1 / 17')},
              (ARRAY['REMOTE', 'HYBRID', 'ON_SITE', 'ON_SITE', 'HYBRID'])[1 + r1 % 5]::opportunity_work_mode,
              (ARRAY['PERMANENT', 'FIXED_TERM', 'FREELANCE', 'INTERNSHIP', 'APPRENTICESHIP', 'VOLUNTEER'])[1 + r1 / 19 % 6]::opportunity_contract_type,
              r3 < 0.6,
              CASE WHEN s.status = 'EXPIRED' THEN now() - interval '1 day' ELSE now() + interval '1 day' * (10 + r1 % 80) END,
              s.status::opportunity_status,
              CASE WHEN s.status <> 'DRAFT' THEN now() - interval '1 day' * (100 - n % 90) END,
              CASE WHEN s.status = 'CLOSED' THEN now() - interval '1 hour' END,
              now() - interval '1 day' * (100 - n % 90) - interval '1 hour'
         FROM bench_postings, LATERAL (SELECT CASE WHEN r3 < 0.75 THEN 'OPEN' WHEN r3 < 0.85 THEN 'DRAFT' WHEN r3 < 0.93 THEN 'CLOSED' ELSE 'EXPIRED' END AS status) s`,
    `INSERT INTO opportunity_skills (opportunity_id, skill_id, level, position)
       SELECT p.id, k.id, 1 + (p.r1 / 23 + i) % 4, i
         FROM bench_postings p CROSS JOIN generate_series(0, 1) i
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS pos, count(*) OVER () AS total FROM skills) k ON k.pos = (p.r1 / 29 + i) % k.total`,
    `INSERT INTO opportunity_languages (opportunity_id, code, level, position)
       SELECT id, CASE WHEN r1 % 3 = 0 THEN 'en' ELSE 'fr' END, (ARRAY['B1', 'B2', 'C1'])[1 + r1 / 31 % 3], 0 FROM bench_postings`,
  ];
}
