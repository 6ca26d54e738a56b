/** Every migration, in order. Listed explicitly so builds, tests and the CLI need no glob. */
import { Initial1795875778191 } from './1795875778191-Initial';
import { Staffing1795877945215 } from './1795877945215-Staffing';
import { Attendance1795879033470 } from './1795879033470-Attendance';
import { JobQueue1796158553321 } from './1796158553321-JobQueue';

export const migrations: Function[] = [Initial1795875778191, Staffing1795877945215, Attendance1795879033470, JobQueue1796158553321];
