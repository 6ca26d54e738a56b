import { TestApp } from '../utils/test-app';

export const OPPORTUNITY_FIELDS = `id kind organisationId title description city country workMode contractType sportSector eventId teamCodes
  expiresAt status publishedAt closedAt managedByMe writtenByMe createdAt updatedAt
  organisation { id name } skills { skillId level skill { code name } } languages { code level } applicationCounts { stage count }`;

export const CREATE_OPPORTUNITY = `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { ${OPPORTUNITY_FIELDS} } }`;
export const PUBLISH_OPPORTUNITY = `mutation($id: ID!) { publishOpportunity(id: $id) { id status publishedAt } }`;

/** A valid create input, 30 days from the test clock, ON_SITE in Paris unless overridden. */
export function opportunityInput(t: TestApp, organisationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationId,
    title: 'Network engineer, venue technology',
    description: 'Run the venue network of a major sports event.',
    city: 'Paris',
    country: 'FR',
    workMode: 'ON_SITE',
    contractType: 'FIXED_TERM',
    sportSector: true,
    expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
    ...overrides,
  };
}

/** Created and published through the API, as a recruiter or alumnus does. */
export async function postOpportunity(t: TestApp, token: string, organisationId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const created = (await t.gql.ok(CREATE_OPPORTUNITY, { i: opportunityInput(t, organisationId, overrides) }, token)).createOpportunity;
  await t.gql.ok(PUBLISH_OPPORTUNITY, { id: created.id }, token);
  return created;
}
