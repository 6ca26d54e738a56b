import { Injectable } from '@nestjs/common';
import {
  AlumniEducationEntity,
  AlumniExperienceEntity,
  AlumniGamesExperienceEntity,
  AlumniLinkEntity,
  AlumniProfileEntity,
  AlumniProfileLanguageEntity,
  AlumniProfileSkillEntity,
  AlumniRecordPreferenceEntity,
  AlumniSection,
} from '@baton/alumni';
import { GamesRecordService } from '@baton/credentials';
import { SkillEntity } from '@baton/skills';
import { EntityManager, In } from 'typeorm';
import { CvSnapshot } from './cv-snapshot';

const month = (date: string | null): string | null => (date ? date.slice(0, 7) : null);

/**
 * The CV as the organisation may see it at the moment of applying: the profile without the
 * sections its owner hides from others (whatever the visibility: applying is the person choosing
 * to show it to this organisation), the Games record from the roster, and the verified records
 * they show. Read inside the application's transaction, so it is one consistent moment.
 */
@Injectable()
export class CvSnapshotBuilder {
  constructor(private readonly records: GamesRecordService) {}

  async build(manager: EntityManager, profile: AlumniProfileEntity, now: Date): Promise<CvSnapshot> {
    const userId = profile.userId;
    const hidden = new Set(profile.hiddenSections);
    const shows = (section: AlumniSection) => !hidden.has(section);
    const by = { where: { userId }, order: { position: 'ASC' as const } };
    // One after the other: they share the transaction's connection.
    const skills = shows(AlumniSection.SKILLS) ? await manager.getRepository(AlumniProfileSkillEntity).find(by) : [];
    const languages = shows(AlumniSection.LANGUAGES) ? await manager.getRepository(AlumniProfileLanguageEntity).find(by) : [];
    const experiences = shows(AlumniSection.EXPERIENCES) ? await manager.getRepository(AlumniExperienceEntity).find(by) : [];
    const education = shows(AlumniSection.EDUCATION) ? await manager.getRepository(AlumniEducationEntity).find(by) : [];
    const links = shows(AlumniSection.LINKS) ? await manager.getRepository(AlumniLinkEntity).find(by) : [];
    const games = shows(AlumniSection.GAMES)
      ? await manager.getRepository(AlumniGamesExperienceEntity).find({ where: { userId }, order: { eventStartsOn: 'DESC' } })
      : [];
    const catalogue = skills.some((s) => s.skillId)
      ? await manager.getRepository(SkillEntity).findBy({ id: In(skills.filter((s) => s.skillId).map((s) => s.skillId as string)) })
      : [];
    const skillById = new Map(catalogue.map((s) => [s.id, s]));
    let verified: CvSnapshot['verifiedRecords'] = [];
    if (shows(AlumniSection.VERIFIED_RECORDS)) {
      const hiddenRecords = new Set(
        (await manager.getRepository(AlumniRecordPreferenceEntity).find({ where: { userId, hidden: true } })).map((p) => p.recordId),
      );
      const records = (await this.records.recordsForUsers([userId], manager)).get(userId) ?? [];
      verified = records
        .filter((r) => !hiddenRecords.has(r.id))
        .map((r) => ({
          code: r.code,
          eventCode: r.eventCode,
          eventName: r.eventName,
          organisationName: r.organisationName,
          teams: r.teams,
          venues: r.venues,
          roles: r.roles,
          firstDay: r.firstDay,
          lastDay: r.lastDay,
          shiftsWorked: r.shiftsWorked,
          hoursWorked: r.hoursWorked,
          verificationUrl: r.verificationUrl,
        }));
    }
    return {
      version: 1,
      takenAt: now.toISOString(),
      displayName: profile.displayName,
      headline: profile.headline,
      summary: shows(AlumniSection.SUMMARY) ? profile.summary : null,
      city: shows(AlumniSection.LOCATION) ? profile.city : null,
      country: shows(AlumniSection.LOCATION) ? profile.country : null,
      desiredRoles: shows(AlumniSection.DESIRED_ROLES) ? profile.desiredRoles : [],
      skills: skills.map((s) => {
        const known = s.skillId ? skillById.get(s.skillId) : undefined;
        return { skillId: s.skillId, code: known?.code ?? null, name: known?.name ?? s.name ?? '', level: s.level };
      }),
      languages: languages.map((l) => ({ code: l.code, level: l.level })),
      experiences: experiences.map((e) => ({
        title: e.title,
        organisation: e.organisation,
        location: e.location,
        startMonth: month(e.startMonth) as string,
        endMonth: month(e.endMonth),
        description: e.description,
      })),
      education: education.map((e) => ({
        institution: e.institution,
        area: e.area,
        studyType: e.studyType,
        startMonth: month(e.startMonth),
        endMonth: month(e.endMonth),
      })),
      links: links.map((l) => ({ label: l.label, url: l.url })),
      games: games.map((g) => ({
        eventCode: g.eventCode,
        eventName: g.eventName,
        organisationName: g.organisationName,
        teamCode: g.teamCode,
        teamName: g.teamName,
        roleTitles: g.roleTitles,
        teamCodes: g.teamCodes,
        shiftsWorked: g.shifts,
        hoursWorked: Math.round((g.minutes / 60) * 10) / 10,
      })),
      verifiedRecords: verified,
    };
  }
}
