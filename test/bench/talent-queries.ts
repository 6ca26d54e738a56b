/**
 * What a recruiter typically asks of the generated network (talent-seed.ts): words in English or
 * French, with or without accents or a typo in a name, plus two filters. Shared by the
 * talent-search scenario and talent-sql.ts (the same statements timed in SQL), so both measure
 * the same thing.
 */
export const TALENT_QUERIES = [
  { text: 'ingénieur réseau', skills: [{ skill: 'NET-WIFI', minLevel: 2 }], openToWork: true },
  { text: 'network engineer', languages: [{ code: 'fr', minLevel: 'B2' }], minVerifiedHours: 40 },
  { text: 'securite incident', country: 'FR', teams: ['SEC'] },
  { text: 'chronométrage', events: ['RIO16'], openToWork: true },
  { text: 'Lefevre', country: 'FR', minVerifiedHours: 20 },
  { text: 'linux virtualisation', skills: [{ skill: 'SYS-LINUX' }], country: 'CH' },
  { text: 'radio spectrum', teams: ['RAD'], languages: [{ code: 'en', minLevel: 'C1' }] },
  { text: 'Sébastien Mercier', openToWork: true, country: 'FR' },
  { text: 'fibre optique', venues: ['STA'], minVerifiedHours: 80 },
  { text: 'results timing', events: ['LON12'], languages: [{ code: 'en', minLevel: 'B2' }] },
  { text: 'support informatique', city: 'Saint-Etienne', openToWork: true },
  { text: 'Kubernets', skills: [{ skill: 'SYS-VIRT', minLevel: 2 }], country: 'FR' },
];

export const TALENT_SEARCH = `query T($f: TalentSearchFilter) {
  talentSearch(filter: $f, first: 20) {
    totalCount
    edges { score node { userId displayName headline openToWork } }
    facets { skills { value count } languages { value count } teams { value count } venues { value count } events { value count } countries { value count } openToWork { value count } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Opportunity filters a recruiter or an alumnus uses; each is asked for its first and its second page. */
export const OPPORTUNITY_FILTERS = [{}, { country: 'FR' }, { workModes: ['HYBRID', 'REMOTE'] }, { sportSector: true, country: 'FR' }];

export const OPPORTUNITIES = `query O($f: OpportunityFilter, $after: String) {
  opportunities(filter: $f, first: 20, after: $after) {
    totalCount
    edges { cursor node { id title city country workMode contractType expiresAt organisation { name } skills { level skill { code name } } languages { code level } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
