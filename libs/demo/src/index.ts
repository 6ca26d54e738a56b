/** Demo data: a deterministic Paris 2024 technology workforce for development, demos and load tests. */
export { DemoModule } from './demo.module';
/** The scale the API seeds on the first start of an empty embedded database. */
export { BOOTSTRAP_DEMO_SCALE } from './demo-bootstrap';
/** Seeds the demo in one transaction; `plan()` gives the same data without a database. */
export { DemoGenerator, type DemoSeedOptions, type DemoSeedResult, type DemoSeedCounts, type DemoProgress } from './demo-generator';
/** The pure description of the demo (dates around today, organisations, venues, teams, skills). */
export { buildDemoPlan, demoDates, STAFF_PER_SCALE, DEFAULT_DEMO_SEED, MAX_DEMO_SCALE, type DemoPlan, type DemoDates, type DemoVenue } from './demo-plan';
/** One login per role, all with the password `baton-demo-2024`. */
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount, type DemoRole } from './demo-accounts';
/** The start-up banner: API and IDE URLs and the demo logins. */
export { demoBanner, printDemoBanner, type DemoBannerOptions } from './demo-banner';
/** The Paris 2024 venues reference file (libs/demo/data). */
export { loadParisVenues, parseVenuesCsv, type VenueRow } from './venues-csv';
