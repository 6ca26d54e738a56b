/** Every migration, in order. Listed explicitly so builds, tests and the CLI need no glob. */
import { Initial1795875778191 } from './1795875778191-Initial';
import { Staffing1795877945215 } from './1795877945215-Staffing';
import { Attendance1795879033470 } from './1795879033470-Attendance';
import { PersonAcrossEvents1796158138148 } from './1796158138148-PersonAcrossEvents';
import { GrantScopeInEvent1796158163359 } from './1796158163359-GrantScopeInEvent';
import { Alumni1796158171004 } from './1796158171004-Alumni';
import { CanonicalTimeZones1796158504399 } from './1796158504399-CanonicalTimeZones';
import { JobQueue1796158553321 } from './1796158553321-JobQueue';
import { Credentials1796158695512 } from './1796158695512-Credentials';
import { StaffInvitations1796159545771 } from './1796159545771-StaffInvitations';
import { Opportunities1796173212026 } from './1796173212026-Opportunities';
import { Talent1796173399395 } from './1796173399395-Talent';
import { PartnerSignIn1796173433122 } from './1796173433122-PartnerSignIn';
import { Privacy1796174000000 } from './1796174000000-Privacy';
import { StaffPhoneEncryption1796174100000 } from './1796174100000-StaffPhoneEncryption';
import { CoverageCounters1796200500000 } from './1796200500000-CoverageCounters';
import { PersonWorkDays1796330000000 } from './1796330000000-PersonWorkDays';
import { ActorChangeNotifications1796350000000 } from './1796350000000-ActorChangeNotifications';
import { TalentSearchChanges1796360000000 } from './1796360000000-TalentSearchChanges';
import { ContactRequestsNotBlocked1796400000000 } from './1796400000000-ContactRequestsNotBlocked';
import { ContactRequestRevoked1796460000000 } from './1796460000000-ContactRequestRevoked';
import { ReplacementChangeNotifications1796470000000 } from './1796470000000-ReplacementChangeNotifications';
import { ActorProfileNotifications1796520000000 } from './1796520000000-ActorProfileNotifications';

export const migrations: Function[] = [
  Initial1795875778191,
  Staffing1795877945215,
  Attendance1795879033470,
  PersonAcrossEvents1796158138148,
  GrantScopeInEvent1796158163359,
  Alumni1796158171004,
  CanonicalTimeZones1796158504399,
  JobQueue1796158553321,
  Credentials1796158695512,
  StaffInvitations1796159545771,
  Opportunities1796173212026,
  Talent1796173399395,
  PartnerSignIn1796173433122,
  Privacy1796174000000,
  StaffPhoneEncryption1796174100000,
  CoverageCounters1796200500000,
  PersonWorkDays1796330000000,
  ActorChangeNotifications1796350000000,
  TalentSearchChanges1796360000000,
  ContactRequestsNotBlocked1796400000000,
  ContactRequestRevoked1796460000000,
  ReplacementChangeNotifications1796470000000,
  ActorProfileNotifications1796520000000,
];
