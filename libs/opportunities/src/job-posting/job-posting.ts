import { ContractType, OpportunityKind, WorkMode } from '../common/opportunity-enums';
import { OpportunityEntity } from '../opportunity/opportunity.entity';

/** schema.org employmentType values (https://schema.org/employmentType, Google's job posting list). */
const EMPLOYMENT_TYPE: Record<ContractType, string[]> = {
  PERMANENT: ['FULL_TIME'],
  FIXED_TERM: ['TEMPORARY'],
  FREELANCE: ['CONTRACTOR'],
  INTERNSHIP: ['INTERN'],
  APPRENTICESHIP: ['OTHER'],
  VOLUNTEER: ['VOLUNTEER'],
};

export interface JobPostingSource {
  opportunity: OpportunityEntity;
  organisation: { name: string; website: string | null };
  skills: string[];
  url: string;
}

/**
 * A live opportunity as a schema.org JobPosting (what search engines index). Only what the
 * posting itself says: a referral's author is never part of it, nor anyone's personal data.
 */
export function toJobPosting({ opportunity: o, organisation, skills, url }: JobPostingSource): Record<string, unknown> {
  const address = { '@type': 'PostalAddress', ...(o.city ? { addressLocality: o.city } : {}), addressCountry: o.country };
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    '@id': url,
    url,
    identifier: { '@type': 'PropertyValue', name: 'Baton', value: o.id },
    title: o.title,
    description: o.description,
    datePosted: (o.publishedAt ?? o.createdAt).toISOString(),
    validThrough: o.expiresAt.toISOString(),
    employmentType: EMPLOYMENT_TYPE[o.contractType],
    hiringOrganization: { '@type': 'Organization', name: organisation.name, ...(organisation.website ? { sameAs: organisation.website } : {}) },
    ...(o.workMode === WorkMode.REMOTE
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: o.country } }
      : { jobLocation: { '@type': 'Place', address } }),
    ...(skills.length ? { skills: skills.join(', ') } : {}),
    ...(o.sportSector ? { industry: 'Sport' } : {}),
    ...(o.kind === OpportunityKind.REFERRAL ? { directApply: false } : { directApply: true }),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page with the JSON-LD in its script tag; `<` is escaped inside it so no text can close the tag. */
export function renderJobPostingPage(posting: Record<string, unknown>): string {
  const json = JSON.stringify(posting).replace(/</g, '\\u003c');
  const hiring = (posting.hiringOrganization as { name: string }).name;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(String(posting.title))} — ${escapeHtml(hiring)}</title>
<script type="application/ld+json">${json}</script></head>
<body><main><h1>${escapeHtml(String(posting.title))}</h1><p>${escapeHtml(hiring)}</p>
<p>${escapeHtml(String(posting.description)).replace(/\n/g, '<br>')}</p>
<p>Open until ${escapeHtml(String(posting.validThrough))}. Members of the Baton alumni network apply from the app.</p></main></body></html>`;
}
