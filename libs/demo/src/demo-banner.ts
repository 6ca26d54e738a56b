import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export interface DemoBannerOptions {
  /** Whether the GraphiQL page is served (GRAPHQL_IDE); the line is left out when it is not. */
  ide?: boolean;
}

/** The text printed at start-up outside production: where to point a client, and who to log in as. */
export function demoBanner(baseUrl: string, options: DemoBannerOptions = {}): string {
  const base = baseUrl.replace(/\/+$/, '');
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const lines = [
    '',
    'Baton is ready',
    `  GraphQL API   ${base}/graphql`,
    ...(options.ide === false ? [] : [`  GraphQL IDE   ${base}/graphiql`]),
    '',
    `  Demo logins (password ${DEMO_PASSWORD}; present once the demo data is seeded, see npm run seed):`,
    ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.role.padEnd(11)}  ${a.scope}`),
    '',
  ];
  return lines.join('\n');
}

/**
 * Writes the banner to stdout and returns it. Meant for the API's start-up in development;
 * it goes around the JSON logger on purpose, as it is read by a person, not a log pipeline.
 */
export function printDemoBanner(baseUrl: string, options: DemoBannerOptions = {}): string {
  const banner = demoBanner(baseUrl, options);
  process.stdout.write(`${banner}\n`);
  return banner;
}
