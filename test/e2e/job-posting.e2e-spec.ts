import { Role } from '@baton/auth';
import { createMember, login } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { CREATE_OPPORTUNITY, opportunityInput, postOpportunity } from '../factories/opportunities';
import { createSkill } from '../factories/skills';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/** Required JobPosting properties (schema.org, as search engines read them), checked on every answer. */
function expectJobPosting(body: any): void {
  expect(body['@context']).toBe('https://schema.org/');
  expect(body['@type']).toBe('JobPosting');
  for (const key of ['title', 'description', 'datePosted', 'validThrough']) expect(typeof body[key]).toBe('string');
  expect(Number.isNaN(Date.parse(body.datePosted))).toBe(false);
  expect(Date.parse(body.validThrough)).toBeGreaterThan(Date.parse(body.datePosted));
  expect(body.hiringOrganization).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  expect(body.employmentType).toEqual(
    expect.arrayContaining([expect.stringMatching(/^(FULL_TIME|PART_TIME|CONTRACTOR|TEMPORARY|INTERN|VOLUNTEER|PER_DIEM|OTHER)$/)]),
  );
  const located = body.jobLocation?.['@type'] === 'Place' && typeof body.jobLocation.address?.addressCountry === 'string';
  expect(located || body.jobLocationType === 'TELECOMMUTE').toBe(true);
}

describe('public JobPosting JSON-LD', () => {
  let t: TestApp;
  let recruiter: string;
  let org: string;

  const get = (id: string, accept = 'application/ld+json') => fetch(`${t.url}/jobs/${id}`, { headers: { accept } });

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_URL: 'https://baton.example.org' } });
    org = (await createOrganisation(t.dataSource, { name: 'Timing Partner', website: 'https://timing.example.com' })).id;
    recruiter = await login(t, (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: org }])).email);
  }, 120_000);
  afterAll(() => t?.close());

  it('an open posting is a valid JobPosting at a public URL, on site or remote', async () => {
    const skill = await createSkill(t.dataSource, { name: 'Timing systems' });
    const onSite = await postOpportunity(t, recruiter, org, { skills: [{ skillId: skill.id, level: 3 }], contractType: 'PERMANENT' });
    const response = await get(onSite.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    const body: any = await response.json();
    expectJobPosting(body);
    expect(body).toMatchObject({
      url: `https://baton.example.org/jobs/${onSite.id}`,
      title: 'Network engineer, venue technology',
      employmentType: ['FULL_TIME'],
      hiringOrganization: { name: 'Timing Partner', sameAs: 'https://timing.example.com' },
      jobLocation: { address: { addressLocality: 'Paris', addressCountry: 'FR' } },
      skills: 'Timing systems',
    });
    const remote = await postOpportunity(t, recruiter, org, { workMode: 'REMOTE', city: null, contractType: 'FREELANCE' });
    const remoteBody: any = await (await get(remote.id)).json();
    expectJobPosting(remoteBody);
    expect(remoteBody).toMatchObject({ jobLocationType: 'TELECOMMUTE', employmentType: ['CONTRACTOR'] });
    expect(remoteBody.jobLocation).toBeUndefined();
  });

  it('browsers get an HTML page with the same JSON-LD in a script tag, which no text can break out of', async () => {
    const o = await postOpportunity(t, recruiter, org, { title: 'Lead </script><script>alert(1)</script>' });
    const response = await get(o.id, 'text/html');
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
    const embedded = JSON.parse(scripts[0][1]);
    expectJobPosting(embedded);
    expect(embedded.title).toBe('Lead </script><script>alert(1)</script>');
  });

  it('a referral is published without naming its author; drafts, closed, expired and unknown ids are 404', async () => {
    const author = await createMember(t, { displayName: 'Secret Referrer' });
    const referral = await postOpportunity(t, author.token, org, { title: 'Referral' });
    const text = await (await get(referral.id)).text();
    expectJobPosting(JSON.parse(text));
    expect(text).not.toContain('Secret Referrer');
    expect(text).not.toContain(author.id);
    expect(text).not.toContain(author.email);

    const draft = (await t.gql.ok(CREATE_OPPORTUNITY, { i: opportunityInput(t, org) }, recruiter)).createOpportunity;
    const closed = await postOpportunity(t, recruiter, org);
    await t.gql.ok(`mutation($id: ID!) { closeOpportunity(id: $id) { id } }`, { id: closed.id }, recruiter);
    const expiring = await postOpportunity(t, recruiter, org, { expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    t.clock.advance(120_000);
    for (const id of [draft.id, closed.id, expiring.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(id);
      expect({ id, status: response.status }).toEqual({ id, status: 404 });
    }
  });
});
