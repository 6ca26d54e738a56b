/** Every migration, in order. Listed explicitly so builds, tests and the CLI need no glob. */
import { Initial1795875778191 } from './1795875778191-Initial';
import { Staffing1795877945215 } from './1795877945215-Staffing';
import { Attendance1795879033470 } from './1795879033470-Attendance';
import { PersonAcrossEvents1796158138148 } from './1796158138148-PersonAcrossEvents';
import { Alumni1796158171004 } from './1796158171004-Alumni';
import { Credentials1796158695512 } from './1796158695512-Credentials';

export const migrations: Function[] = [
  Initial1795875778191,
  Staffing1795877945215,
  Attendance1795879033470,
  PersonAcrossEvents1796158138148,
  Alumni1796158171004,
  Credentials1796158695512,
];
