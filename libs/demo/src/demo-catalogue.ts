/**
 * The fixed part of the demo: organisations, teams, skills and zones. Partner names are
 * invented (no real brand); websites use the reserved `.example` domain.
 */

export type DemoOrganisationKind = 'COMMITTEE' | 'PARTNER' | 'CONTRACTOR' | 'VOLUNTEER_PROGRAMME';

export interface DemoOrganisation {
  code: string;
  name: string;
  kind: DemoOrganisationKind;
  website: string | null;
}

export interface DemoTeam {
  code: string;
  name: string;
}

export interface DemoSkill {
  code: string;
  name: string;
  category: string;
}

export const DEMO_EVENT = {
  code: 'PAR24',
  name: 'Paris 2024 (demo)',
  timeZone: 'Europe/Paris',
  phase: 'GAMES',
} as const;

const org = (code: string, name: string, kind: DemoOrganisationKind, domain?: string): DemoOrganisation => ({
  code,
  name,
  kind,
  website: domain ? `https://${domain}.example` : null,
});

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  org('OCOG', 'Organising Committee Paris 2024 (demo)', 'COMMITTEE'),
  org('ATLANTEC', 'Atlantec Digital Services', 'PARTNER', 'atlantec'),
  org('NORDLYS', 'Nordlys Networks', 'PARTNER', 'nordlys'),
  org('CHRONOVAL', 'Chronoval Timing', 'PARTNER', 'chronoval'),
  org('SEINECOM', 'Seinecom Telecom', 'PARTNER', 'seinecom'),
  org('VERTEXA', 'Vertexa Cloud', 'PARTNER', 'vertexa'),
  org('HELIODATA', 'Heliodata Systems', 'PARTNER', 'heliodata'),
  org('KESTREL-SEC', 'Kestrel Secure', 'PARTNER', 'kestrel-secure'),
  org('ORBICAST', 'Orbicast Broadcast Technology', 'PARTNER', 'orbicast'),
  org('LUCERNA', 'Lucerna Display Systems', 'PARTNER', 'lucerna'),
  org('MERIDIAN-PRINT', 'Meridian Print & Imaging', 'PARTNER', 'meridian-print'),
  org('ONDINE', 'Ondine Radio Systems', 'PARTNER', 'ondine'),
  org('COBALTIS', 'Cobaltis Devices', 'PARTNER', 'cobaltis'),
  org('VELARION', 'Velarion Integration', 'PARTNER', 'velarion'),
  org('SABLON', 'Sablon Software', 'PARTNER', 'sablon'),
  org('QUAIVERT', 'Quaivert Consulting', 'PARTNER', 'quaivert'),
  org('BASTION-CABLE', 'Bastion Cabling Works', 'CONTRACTOR', 'bastion-cabling'),
  org('MARNE-STAFF', 'Marne Technical Staffing', 'CONTRACTOR', 'marne-staffing'),
  org('TECH-VOL', 'Technology Volunteers Programme', 'VOLUNTEER_PROGRAMME'),
];

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { code: 'RES', name: 'Results' },
  { code: 'TSC', name: 'Timing and Scoring' },
  { code: 'NET', name: 'Network' },
  { code: 'TEL', name: 'Telecommunications' },
  { code: 'RAD', name: 'Radio Communications' },
  { code: 'SPM', name: 'Radio Spectrum Management' },
  { code: 'SVD', name: 'Service Desk' },
  { code: 'CYB', name: 'Cybersecurity' },
  { code: 'VTM', name: 'Venue Technology Management' },
  { code: 'ACR', name: 'Accreditation Systems' },
  { code: 'BIT', name: 'Broadcast IT' },
  { code: 'CCTV', name: 'CCTV and Video Surveillance' },
  { code: 'CAB', name: 'Cabling' },
  { code: 'DC', name: 'Data Centre' },
  { code: 'CIS', name: 'Commentator Information System' },
  { code: 'PRD', name: 'Printing and Distribution' },
  { code: 'TOC', name: 'Technology Operations Centre' },
  { code: 'INF', name: 'Games Information Diffusion' },
  { code: 'ODF', name: 'Results Data Feeds' },
  { code: 'SVB', name: 'Scoreboards and Video Boards' },
  { code: 'EUD', name: 'End-User Devices' },
  { code: 'GMS', name: 'Games Management Systems' },
  { code: 'CLD', name: 'Cloud and Hosting' },
  { code: 'TST', name: 'Technology Testing and Integration' },
  { code: 'LOG', name: 'Technology Logistics' },
];

const skill =
  (category: string) =>
  (code: string, name: string): DemoSkill => ({ code, name, category });
const network = skill('network');
const systems = skill('systems');
const results = skill('results');
const timing = skill('timing');
const radio = skill('radio');
const security = skill('security');
const support = skill('support');
const telecom = skill('telecom');
const broadcast = skill('broadcast');

/** Languages are not skills: staff members carry them separately. */
export const DEMO_SKILLS: readonly DemoSkill[] = [
  network('NET-LAN', 'LAN switching'),
  network('NET-ROUTING', 'IP routing'),
  network('NET-WIFI', 'Wi-Fi design and surveys'),
  network('NET-FIREWALL', 'Firewall operations'),
  network('NET-MONITORING', 'Network monitoring'),
  network('NET-FIBRE', 'Fibre splicing and testing'),
  network('NET-DNS-DHCP', 'DNS and DHCP services'),
  systems('SYS-LINUX', 'Linux administration'),
  systems('SYS-WINDOWS', 'Windows server administration'),
  systems('SYS-VIRT', 'Virtualisation'),
  systems('SYS-PRIVATE-CLOUD', 'Private cloud operations'),
  systems('SYS-BACKUP', 'Backup and recovery'),
  systems('SYS-DATABASE', 'Database administration'),
  systems('SYS-ENDPOINT', 'Endpoint deployment and imaging'),
  results('RES-ONVENUE', 'On-venue results system'),
  results('RES-ODF', 'Results data feeds (ODF)'),
  results('RES-CIS', 'Commentator information system'),
  results('RES-PRINT', 'Results printing and distribution'),
  results('RES-INFO', 'Games information diffusion'),
  timing('TSC-TIMING', 'Sports timing equipment'),
  timing('TSC-SCOREBOARD', 'Scoreboards and video boards'),
  timing('TSC-PHOTO-FINISH', 'Photo finish'),
  timing('TSC-DATA-ENTRY', 'Competition data entry'),
  timing('TSC-JUDGING', 'Judging and scoring systems'),
  radio('RAD-TRUNKED', 'Trunked radio (TETRA)'),
  radio('RAD-SPECTRUM', 'Spectrum monitoring'),
  radio('RAD-FREQUENCY', 'Frequency coordination'),
  radio('RAD-DISPATCH', 'Radio dispatch'),
  radio('RAD-RF-TEST', 'RF equipment testing'),
  security('SEC-SOC', 'Security operations centre analysis'),
  security('SEC-INCIDENT', 'Security incident response'),
  security('SEC-IAM', 'Identity and access management'),
  security('SEC-VULN', 'Vulnerability management'),
  security('SEC-CCTV', 'CCTV and video surveillance'),
  support('SUP-SERVICE-DESK', 'Service desk (first line)'),
  support('SUP-FIELD', 'Field technical support'),
  support('SUP-INCIDENT', 'Incident and problem management'),
  support('SUP-PRINTERS', 'Printers and copiers'),
  support('SUP-AV', 'Audio-visual support'),
  support('SUP-BADGES', 'Accreditation badge production'),
  telecom('TEL-VOIP', 'IP telephony'),
  telecom('TEL-MOBILE', 'Mobile network coordination'),
  telecom('TEL-CABLING', 'Structured cabling'),
  broadcast('BRO-IT', 'Broadcast IT'),
  broadcast('BRO-CONTRIBUTION', 'Signal contribution networks'),
];

/**
 * Accreditation zones per venue: every site has the venue-wide `VEN` and the technology
 * rooms `TECH`; competition venues add the field of play and the results room; the
 * non-competition sites add their own restricted area.
 */
const COMPETITION_ZONES = ['VEN', 'FOP', 'TECH', 'RES'];
const NON_COMPETITION_ZONES: Record<string, string[]> = {
  TOC: ['VEN', 'TECH', 'TOC', 'DC'],
  IBC: ['VEN', 'TECH', 'IBC'],
  MPC: ['VEN', 'TECH', 'MPC'],
  OPV: ['VEN', 'TECH', 'VIL'],
  ACC: ['VEN', 'TECH', 'ACR'],
};

export function zonesFor(venueCode: string, kind: 'COMPETITION' | 'NON_COMPETITION'): string[] {
  if (kind === 'COMPETITION') return [...COMPETITION_ZONES];
  return [...(NON_COMPETITION_ZONES[venueCode] ?? ['VEN', 'TECH'])];
}
