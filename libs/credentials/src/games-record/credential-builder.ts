import { formatHours, HOURS_RULE, WorkFigures } from './work-figures';

export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
/** Extension terms (OB 3.0 §"Extending Enumerated Vocabularies": `ext:` prefix). */
export const ACHIEVEMENT_TYPE = 'ext:GamesWorkforceRecord';

/** Everything a credential states, as kept on the record row. */
export interface CredentialFacts {
  credentialId: string;
  subjectId: string;
  code: string;
  /** Base URL the links inside the credential are built on. */
  publicUrl: string;
  issuerId: string;
  issuerName: string;
  issuedAt: Date;
  subjectName: string;
  eventCode: string;
  eventName: string;
  organisationName: string;
  figures: WorkFigures;
}

export const verificationUrl = (publicUrl: string, code: string) => `${publicUrl}/verify/${code}`;
/** The code in a verification URL of any Baton instance, or null: imports tell issued records from typed-in jobs by it. */
export const verificationCodeOf = (url: unknown): string | null =>
  typeof url === 'string' ? (/^https?:\/\/[^?#]+\/verify\/([A-Za-z0-9_-]{22})\/?$/.exec(url)?.[1] ?? null) : null;
/** The 1EdTech revocation list of this one credential (credentialStatus). */
export const statusUrl = (publicUrl: string, code: string) => `${publicUrl}/verify/${code}/revocations`;

/** The figures, each a Result of the Achievement, with its ResultDescription. */
const RESULTS: ReadonlyArray<{ key: string; name: string; resultType: string; value: (f: WorkFigures) => string }> = [
  {
    key: 'hours',
    name: 'Hours worked (checked-in time within the scheduled shifts)',
    resultType: 'ext:HoursWorked',
    value: (f) => formatHours(f.workedMinutes),
  },
  { key: 'shifts', name: 'Shifts worked', resultType: 'ext:ShiftsWorked', value: (f) => String(f.shiftsWorked) },
  { key: 'first-day', name: "First day worked (venue's local date)", resultType: 'ext:FirstDay', value: (f) => f.firstDay },
  { key: 'last-day', name: "Last day worked (venue's local date)", resultType: 'ext:LastDay', value: (f) => f.lastDay },
  { key: 'teams', name: 'Teams', resultType: 'ext:Teams', value: (f) => f.teams.join('; ') },
  { key: 'venues', name: 'Venues', resultType: 'ext:Venues', value: (f) => f.venues.join('; ') },
];

/**
 * The Open Badges 3.0 OpenBadgeCredential (W3C VC Data Model 2.0) of a record. Pure and
 * deterministic: issuing signs its output, and verification rebuilds it from the stored row and
 * compares, so a row edited afterwards no longer matches what was signed.
 *
 * The subject is identified by a pseudonymous `urn:uuid` (`sub`) and by name (an IdentityObject,
 * not hashed: the name is the point of a CV record). No contact data, no Baton id.
 */
export function buildCredential(facts: CredentialFacts): Record<string, unknown> {
  const { figures } = facts;
  const page = verificationUrl(facts.publicUrl, facts.code);
  const roles = figures.roles.join(', ');
  return {
    '@context': [...OB_CONTEXT],
    id: `urn:uuid:${facts.credentialId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Verified Games record: ${facts.eventName}`,
    description: `Work at ${facts.eventName} as recorded by the roster and attendance, certified by ${facts.issuerName}.`,
    issuer: { id: facts.issuerId, type: ['Profile'], name: facts.issuerName },
    validFrom: isoSeconds(facts.issuedAt),
    credentialSubject: {
      id: `urn:uuid:${facts.subjectId}`,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.subjectName }],
      role: roles,
      achievement: {
        id: `${page}#achievement`,
        type: ['Achievement'],
        achievementType: ACHIEVEMENT_TYPE,
        name: `Technology workforce, ${facts.eventName}`,
        description:
          `${roles} for ${facts.organisationName} at ${facts.eventName} (${facts.eventCode}), ` +
          `team${figures.teams.length > 1 ? 's' : ''} ${figures.teams.join(', ')}, ` +
          `at ${figures.venues.join(', ')}: ${figures.shiftsWorked} shift${figures.shiftsWorked > 1 ? 's' : ''}, ` +
          `${formatHours(figures.workedMinutes)} hours, from ${figures.firstDay} to ${figures.lastDay}.`,
        criteria: {
          narrative:
            `Issued by ${facts.issuerName} to each person who worked at least one shift of ${facts.eventName}, ` +
            `from the shifts they were rostered on and their check-ins and check-outs. ${HOURS_RULE}`,
        },
        resultDescription: RESULTS.map((r) => ({ id: `${page}#${r.key}`, type: ['ResultDescription'], name: r.name, resultType: r.resultType })),
      },
      result: RESULTS.map((r) => ({ type: ['Result'], resultDescription: `${page}#${r.key}`, value: r.value(figures) })),
    },
    credentialStatus: { id: statusUrl(facts.publicUrl, facts.code), type: '1EdTechRevocationList' },
  };
}

/**
 * The JWT payload: the credential itself (VC-JOSE-COSE, OB 3.0 §8.2: no `vc` wrapper) with the
 * registered claims OB 3.0 requires mirroring it: iss = issuer.id, jti = id, sub =
 * credentialSubject.id, nbf = validFrom; iat is the same instant. No exp: a record does not expire.
 */
export function credentialClaims(facts: CredentialFacts): Record<string, unknown> {
  const seconds = Math.floor(facts.issuedAt.getTime() / 1000);
  return {
    ...buildCredential(facts),
    iss: facts.issuerId,
    jti: `urn:uuid:${facts.credentialId}`,
    sub: `urn:uuid:${facts.subjectId}`,
    nbf: seconds,
    iat: seconds,
  };
}

function isoSeconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
