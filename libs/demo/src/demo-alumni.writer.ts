import { randomUUID } from 'node:crypto';
import {
  AlumniConsentEntity,
  AlumniConsentTextEntity,
  AlumniEducationEntity,
  AlumniEndorsementEntity,
  AlumniExperienceEntity,
  AlumniInvitationEntity,
  AlumniLinkEntity,
  AlumniProfileEntity,
  AlumniProfileLanguageEntity,
  AlumniProfileSkillEntity,
  ConsentPurpose,
  EndorsementRelation,
  GamesSnapshotService,
} from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventEntity, EventPhase, TeamEntity, VenueEntity, VenueKind } from '@baton/events';
import { RoleGrantEntity } from '@baton/identity';
import { AssignmentEntity, AssignmentSource, AssignmentStatus } from '@baton/rostering';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { AccreditationStatus, EmploymentType, StaffMemberEntity, StaffSkillEntity } from '@baton/staff';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { DemoAlumni } from './demo-alumni';
import type { DemoPlan } from './demo-plan';

export const DEMO_CONSENT_TEXT = {
  title: 'Joining the Baton alumni network',
  body:
    'By joining, you agree that Baton keeps an alumni profile for you and shows it, as you choose (only you, other alumni, or alumni and partner recruiters), ' +
    'together with the Games you worked as the roster recorded them. Your email and phone are never shown on it. ' +
    'You can hide any section, and withdraw this consent at any time: your profile then disappears from the network at once.',
};

export interface DemoAlumniCounts {
  testEventStaff: number;
  testEventShifts: number;
  testEventAssignments: number;
  alumni: number;
  endorsements: number;
  /** Signed Games records of the test event, issued after the seed commits. */
  verifiedRecords: number;
  /** Time spent building and writing this part of the demo (what it adds to the first start). */
  elapsedMs: number;
}

type Insert = (manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) => Promise<void>;

/**
 * Writes the test event and the alumni network the plan describes. The Games record of each member
 * is copied from the roster just written by the same service the API uses when someone joins.
 */
export async function writeDemoAlumni(
  manager: EntityManager,
  alumni: DemoAlumni,
  plan: DemoPlan,
  ids: { users: Map<string, string>; organisationIds: Map<string, string>; skillIds: Map<string, string> },
  games: GamesSnapshotService,
  insertRows: Insert,
): Promise<DemoAlumniCounts> {
  const eventId = randomUUID();
  const id = (map: Map<string, string>, code: string) => {
    const found = map.get(code);
    if (!found) throw new Error(`Demo alumni data refers to an unknown code ${code}`);
    return found;
  };
  await insertRows(manager, EventEntity, [{ id: eventId, ...alumni.event, phase: EventPhase.CLOSED }]);
  const venueIds = new Map(alumni.venueCodes.map((code) => [code, randomUUID()]));
  await insertRows(
    manager,
    VenueEntity,
    plan.venues
      .filter((v) => venueIds.has(v.code))
      .map((v) => ({
        id: venueIds.get(v.code),
        eventId,
        code: v.code,
        name: v.name,
        city: v.city,
        kind: VenueKind[v.kind],
        timeZone: v.timeZone,
        zones: v.zones,
      })),
  );
  const teamIds = new Map(alumni.teamCodes.map((code) => [code, randomUUID()]));
  await insertRows(
    manager,
    TeamEntity,
    plan.teams.filter((t) => teamIds.has(t.code)).map((t) => ({ id: teamIds.get(t.code), eventId, code: t.code, name: t.name })),
  );
  const userOf = (email: string) => id(ids.users, email);
  await insertRows(
    manager,
    StaffMemberEntity,
    alumni.people.map((p) => ({
      id: p.staffId,
      eventId,
      userId: userOf(p.email),
      organisationId: id(ids.organisationIds, p.organisationCode),
      teamId: id(teamIds, p.teamCode),
      homeVenueId: id(venueIds, p.venueCode),
      displayName: p.displayName,
      email: p.email,
      phone: null,
      employmentType: EmploymentType[p.employmentType],
      languages: p.languages,
      accreditationZones: p.zones,
      accreditationStatus: AccreditationStatus.VALID,
      externalRef: null,
    })),
  );
  await insertRows(
    manager,
    StaffSkillEntity,
    alumni.people.flatMap((p) => p.skills.map((s) => ({ staffMemberId: p.staffId, skillId: id(ids.skillIds, s.code), level: s.level }))),
  );
  await insertRows(
    manager,
    ShiftEntity,
    alumni.shifts.map((s) => ({
      id: s.id,
      eventId,
      venueId: id(venueIds, s.venueCode),
      teamId: id(teamIds, s.teamCode),
      roleTitle: s.roleTitle,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      headcount: s.headcount,
      status: ShiftStatus.PUBLISHED,
      notes: null,
      createdById: null,
    })),
  );
  await insertRows(
    manager,
    AssignmentEntity,
    alumni.assignments.map((a) => {
      const shift = alumni.shifts[a.shift];
      return {
        id: randomUUID(),
        eventId,
        shiftId: shift.id,
        staffMemberId: alumni.people[a.person].staffId,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        status: AssignmentStatus.CONFIRMED,
        source: AssignmentSource.AUTO,
        assignedById: null,
        checkedInAt: a.checkedInAt,
        checkedOutAt: a.checkedOutAt,
        checkInMethod: a.checkedInAt ? 'BADGE' : null,
      };
    }),
  );

  // The network: a consent text (kept across resets, like the catalogue), invitations sent when the
  // event closed, and the members.
  const texts = manager.getRepository(AlumniConsentTextEntity);
  const text =
    (await texts.findOne({ where: { purpose: ConsentPurpose.ALUMNI_NETWORK }, order: { version: 'DESC' } })) ??
    (await texts.save(texts.create({ purpose: ConsentPurpose.ALUMNI_NETWORK, version: 1, ...DEMO_CONSENT_TEXT, publishedById: null })));
  const joined = new Map(alumni.profiles.map((p) => [p.person, p]));
  const closedAt = new Date(`${alumni.event.endsOn}T20:00:00Z`);
  await insertRows(
    manager,
    AlumniInvitationEntity,
    alumni.people.map((p, i) => ({
      eventId,
      eventName: alumni.event.name,
      staffMemberId: p.staffId,
      userId: userOf(p.email),
      email: p.email,
      notified: true,
      acceptedAt: joined.get(i)?.joinedAt ?? null,
      createdAt: closedAt,
    })),
  );
  const members = alumni.profiles.map((p) => ({ profile: p, userId: userOf(alumni.people[p.person].email) }));
  await insertRows(
    manager,
    AlumniConsentEntity,
    members.map(({ profile, userId }) => ({
      userId,
      consentTextId: text.id,
      purpose: ConsentPurpose.ALUMNI_NETWORK,
      givenAt: profile.joinedAt,
      requestId: 'demo-seed',
    })),
  );
  const alreadyAlumni = new Set(plan.accounts.filter((a) => a.role === 'ALUMNUS').map((a) => a.email));
  await insertRows(
    manager,
    RoleGrantEntity,
    members
      .filter(({ profile }) => !alreadyAlumni.has(alumni.people[profile.person].email))
      .map(({ userId }) => ({
        id: randomUUID(),
        userId,
        role: Role.ALUMNUS,
        eventId: null,
        organisationId: null,
        venueIds: [],
        teamIds: [],
        grantedById: null,
      })),
  );
  await insertRows(
    manager,
    AlumniProfileEntity,
    members.map(({ profile: p, userId }) => ({
      userId,
      displayName: alumni.people[p.person].displayName,
      headline: p.headline,
      summary: p.summary,
      city: p.city,
      country: p.country,
      openToWork: p.openToWork,
      desiredRoles: p.desiredRoles,
      visibility: p.visibility,
      hiddenSections: p.hiddenSections,
      createdAt: p.joinedAt,
      updatedAt: p.joinedAt,
    })),
  );
  const month = (m: string | null) => (m ? `${m}-01` : null);
  const section = (pick: (p: DemoAlumni['profiles'][number]) => ObjectLiteral[]) =>
    members.flatMap(({ profile, userId }) => pick(profile).map((row, position) => ({ ...row, userId, position })));
  await insertRows(
    manager,
    AlumniProfileSkillEntity,
    section((p) => p.skills.map((s) => ({ id: s.id, skillId: s.code ? id(ids.skillIds, s.code) : null, name: s.code ? null : s.name, level: s.level }))),
  );
  await insertRows(
    manager,
    AlumniProfileLanguageEntity,
    section((p) => p.languages),
  );
  await insertRows(
    manager,
    AlumniExperienceEntity,
    section((p) => p.experiences.map((e) => ({ ...e, startMonth: month(e.startMonth), endMonth: month(e.endMonth), location: null, url: null }))),
  );
  await insertRows(
    manager,
    AlumniEducationEntity,
    section((p) => p.education.map((e) => ({ ...e, startMonth: month(e.startMonth), endMonth: month(e.endMonth) }))),
  );
  await insertRows(
    manager,
    AlumniLinkEntity,
    section((p) => p.links),
  );
  await games.refresh(
    manager,
    members.map((m) => m.userId),
  );
  await insertRows(
    manager,
    AlumniEndorsementEntity,
    alumni.endorsements.map((e) => ({
      endorserId: userOf(alumni.people[e.endorser].email),
      endorseeId: userOf(alumni.people[e.endorsee].email),
      profileSkillId: e.skillId,
      relation: EndorsementRelation.SHARED_SHIFTS,
      eventId,
      context: { eventName: alumni.event.name, shifts: e.shifts, venues: e.venues },
      comment: e.comment,
      hiddenAt: null,
      createdAt: e.at,
    })),
  );
  return {
    testEventStaff: alumni.people.length,
    testEventShifts: alumni.shifts.length,
    testEventAssignments: alumni.assignments.length,
    alumni: members.length,
    endorsements: alumni.endorsements.length,
    verifiedRecords: 0,
    elapsedMs: 0,
  };
}
