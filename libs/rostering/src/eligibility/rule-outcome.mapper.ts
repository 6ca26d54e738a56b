import { ShiftStatus } from '@baton/scheduling';
import { AccreditationStatus } from '@baton/staff';
import {
  AccreditationOutcome,
  AlreadyAssignedOutcome,
  AvailabilityOutcome,
  CapacityOutcome,
  MaxDailyOutcome,
  MaxWeeklyOutcome,
  MinRestOutcome,
  MissingSkillObject,
  OtherRuleOutcome,
  OverlapOutcome,
  RuleOutcomeObject,
  SameEventOutcome,
  ShiftNotPublishedOutcome,
  ShiftOverOutcome,
  SkillsOutcome,
  UndesiredPeriodOutcome,
} from './dto/rule-outcome.objects';
import { RuleCode, RuleOutcome } from './rule-types';

type Details = Record<string, unknown>;

const str = (d: Details, key: string) => (typeof d[key] === 'string' ? (d[key] as string) : undefined);
const int = (d: Details, key: string) => (Number.isInteger(d[key]) ? (d[key] as number) : undefined);
const instant = (d: Details, key: string) =>
  typeof d[key] === 'string' && !Number.isNaN(Date.parse(d[key] as string)) ? new Date(d[key] as string) : undefined;
const strings = (d: Details, key: string) =>
  Array.isArray(d[key]) && (d[key] as unknown[]).every((v) => typeof v === 'string') ? (d[key] as string[]) : undefined;
const oneOf = <E extends string>(values: Record<string, E>, d: Details, key: string) =>
  Object.values(values).includes(d[key] as E) ? (d[key] as E) : undefined;

/** A shift reference: its id in the same event, or only `inAnotherEvent` (see the rule engine's `reference`). */
function otherEvent(d: Details, key: string): { inAnotherEvent: boolean; [key: string]: unknown } {
  if (d.inAnotherEvent === true) return { [key]: null, inAnotherEvent: true };
  return { [key]: str(d, key), inAnotherEvent: false };
}

function missingSkills(d: Details): MissingSkillObject[] | undefined {
  if (!Array.isArray(d.missing)) return undefined;
  const items = (d.missing as Details[]).map((m) => ({ skill: str(m, 'skill'), required: int(m, 'required'), held: int(m, 'held') }));
  return items.every((m) => m.skill !== undefined && m.required !== undefined && m.held !== undefined) ? (items as MissingSkillObject[]) : undefined;
}

/** The typed fields, or undefined when a detail is missing or of the wrong kind (then OtherRuleOutcome). */
function fill<T extends RuleOutcomeObject>(target: T, fields: Record<string, unknown>): T | undefined {
  return Object.values(fields).some((v) => v === undefined) ? undefined : Object.assign(target, fields);
}

/** One builder per rule code: adding a code to RuleCode without a GraphQL type fails to compile. */
const TYPED: Record<RuleCode, (d: Details) => RuleOutcomeObject | undefined> = {
  SAME_EVENT: (d) => fill(new SameEventOutcome(), { staffEventId: str(d, 'staffEventId'), shiftEventId: str(d, 'shiftEventId') }),
  SHIFT_NOT_PUBLISHED: (d) => fill(new ShiftNotPublishedOutcome(), { shiftStatus: oneOf(ShiftStatus, d, 'status') }),
  SHIFT_OVER: (d) => fill(new ShiftOverOutcome(), { endsAt: instant(d, 'endsAt') }),
  ALREADY_ASSIGNED: () => new AlreadyAssignedOutcome(),
  CAPACITY: (d) => fill(new CapacityOutcome(), { headcount: int(d, 'headcount'), assigned: int(d, 'assigned') }),
  OVERLAP: (d) => fill(new OverlapOutcome(), { ...otherEvent(d, 'shiftId'), startsAt: instant(d, 'startsAt'), endsAt: instant(d, 'endsAt') }),
  MIN_REST: (d) =>
    fill(new MinRestOutcome(), {
      restMinutes: int(d, 'restMinutes'),
      requiredMinutes: int(d, 'requiredMinutes'),
      ...otherEvent(d, 'neighbourShiftId'),
      neighbourStartsAt: instant(d, 'neighbourStartsAt'),
      neighbourEndsAt: instant(d, 'neighbourEndsAt'),
    }),
  MAX_DAILY: (d) =>
    fill(new MaxDailyOutcome(), {
      day: str(d, 'day'),
      timeZone: str(d, 'timeZone'),
      workedMinutes: int(d, 'workedMinutes'),
      maxMinutes: int(d, 'maxMinutes'),
      shiftIds: strings(d, 'shiftIds'),
      shiftsInAnotherEvent: d.shiftsInAnotherEvent === undefined ? 0 : int(d, 'shiftsInAnotherEvent'),
    }),
  MAX_WEEKLY: (d) =>
    fill(new MaxWeeklyOutcome(), {
      workedMinutes: int(d, 'workedMinutes'),
      maxMinutes: int(d, 'maxMinutes'),
      windowStartsAt: instant(d, 'windowStartsAt'),
      windowEndsAt: instant(d, 'windowEndsAt'),
    }),
  SKILLS: (d) => fill(new SkillsOutcome(), { missing: missingSkills(d) }),
  ACCREDITATION: (d) =>
    fill(new AccreditationOutcome(), { accreditationStatus: oneOf(AccreditationStatus, d, 'status'), missingZones: strings(d, 'missingZones') }),
  AVAILABILITY: (d) => fill(new AvailabilityOutcome(), { startsAt: instant(d, 'startsAt'), endsAt: instant(d, 'endsAt') }),
  UNDESIRED_PERIOD: (d) => fill(new UndesiredPeriodOutcome(), { startsAt: instant(d, 'startsAt'), endsAt: instant(d, 'endsAt') }),
};

/** An outcome of the rule engine as its GraphQL type. */
export function toRuleOutcomeObject(outcome: Pick<RuleOutcome, 'severity' | 'configurable' | 'message' | 'details'> & { rule: string }): RuleOutcomeObject {
  const typed = Object.hasOwn(TYPED, outcome.rule) ? TYPED[outcome.rule as RuleCode](outcome.details) : undefined;
  return Object.assign(typed ?? new OtherRuleOutcome(), {
    rule: outcome.rule,
    severity: outcome.severity,
    configurable: outcome.configurable,
    message: outcome.message,
    details: outcome.details,
  });
}

/**
 * A note stored on an assignment (`ruleNotes`: the outcome flattened, details beside rule and
 * message, as in RULE_VIOLATION extensions) as its GraphQL type. Old notes whose details no longer
 * fit their rule's type come back as OtherRuleOutcome rather than as an error.
 */
export function noteToRuleOutcomeObject(note: Record<string, unknown>): RuleOutcomeObject {
  const { rule, severity, configurable, message, ...details } = note;
  return toRuleOutcomeObject({
    rule: typeof rule === 'string' ? rule : 'UNKNOWN',
    severity: severity === 'BLOCK' ? 'BLOCK' : 'WARN',
    configurable: configurable !== false,
    message: typeof message === 'string' ? message : '',
    details,
  });
}
