import type { RuleMode, WorkRuleValues } from '@baton/scheduling';
import type { WorkedShift } from './working-time';

/**
 * The limits and modes the engine reads: scheduling owns the type (it stores and defaults the
 * rules); the engine needs only the values, not which event or employment type they belong to.
 */
export type WorkRules = WorkRuleValues;
export type { RuleMode };

export interface ShiftFacts {
  id: string;
  eventId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  activeCount: number;
  /** IANA zone of the venue: "a day" is a day there. */
  timeZone: string;
  venueZones: string[];
  requiredSkills: Array<{ skillId: string; code: string; minLevel: number }>;
}

export interface StaffFacts {
  id: string;
  eventId: string;
  accreditationStatus: 'PENDING' | 'VALID' | 'SUSPENDED';
  accreditationZones: string[];
  /** skillId → level */
  skills: Map<string, number>;
}

/**
 * The person's other active assignments near the shift (±8 days is enough for every rule), in
 * every event they work (one person may hold a staff record per event), each with its own
 * venue's zone: a shift's working day is the local date of its start at its own venue.
 */
export type Neighbour = WorkedShift;

export interface AvailabilityFacts {
  kind: 'UNAVAILABLE' | 'PREFERRED' | 'UNDESIRED';
  startsAt: Date;
  endsAt: Date;
}

export interface RuleFacts {
  shift: ShiftFacts;
  staff: StaffFacts;
  neighbours: Neighbour[];
  availability: AvailabilityFacts[];
  rules: WorkRules;
  now: Date;
  /** The person already holds an active assignment on this shift. */
  alreadyOnShift: boolean;
}

export type RuleCode =
  | 'SAME_EVENT'
  | 'SHIFT_NOT_PUBLISHED'
  | 'SHIFT_OVER'
  | 'ALREADY_ASSIGNED'
  | 'OVERLAP'
  | 'CAPACITY'
  | 'MIN_REST'
  | 'MAX_DAILY'
  | 'MAX_WEEKLY'
  | 'SKILLS'
  | 'ACCREDITATION'
  | 'AVAILABILITY'
  | 'UNDESIRED_PERIOD';

export interface RuleOutcome {
  rule: RuleCode;
  /** BLOCK refuses; WARN lets through with a note. */
  severity: 'BLOCK' | 'WARN';
  /** Hard rules can never be overridden; configurable ones can, by an admin with a reason. */
  configurable: boolean;
  message: string;
  details: Record<string, unknown>;
}
