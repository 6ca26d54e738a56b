/**
 * The CV an application carries, frozen when the person applied (stored as jsonb): what the
 * organisation may read of them, whatever the profile says later. Contact details are never in it.
 * `version` lets a later shape coexist with stored ones.
 */
export interface CvSnapshot {
  version: 1;
  takenAt: string;
  displayName: string;
  headline: string | null;
  summary: string | null;
  city: string | null;
  country: string | null;
  desiredRoles: string[];
  skills: Array<{ skillId: string | null; code: string | null; name: string; level: number }>;
  languages: Array<{ code: string; level: string }>;
  experiences: Array<{ title: string; organisation: string; location: string | null; startMonth: string; endMonth: string | null; description: string | null }>;
  education: Array<{ institution: string; area: string | null; studyType: string | null; startMonth: string | null; endMonth: string | null }>;
  links: Array<{ label: string; url: string }>;
  games: Array<{
    eventCode: string;
    eventName: string;
    organisationName: string;
    teamCode: string | null;
    teamName: string | null;
    roleTitles: string[];
    teamCodes: string[];
    shiftsWorked: number;
    hoursWorked: number;
  }>;
  verifiedRecords: Array<{
    code: string;
    eventCode: string;
    eventName: string;
    organisationName: string;
    teams: string[];
    venues: string[];
    roles: string[];
    firstDay: string;
    lastDay: string;
    shiftsWorked: number;
    hoursWorked: number;
    verificationUrl: string;
  }>;
}
