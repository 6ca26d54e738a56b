/** Every migration, in order. Listed explicitly so builds, tests and the CLI need no glob. */
import { Initial1795875778191 } from './1795875778191-Initial';
export const migrations: Function[] = [Initial1795875778191];
