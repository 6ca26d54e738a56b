/**
 * Composition: the one place where Baton's platform and domain modules are put together.
 * The API, the worker and the CLI import it, so they run the same modules over the same
 * database; each app adds only its own edge (HTTP, nothing, or commands).
 */
export { DomainModule, type ProcessRole } from './domain.module';
