import { Injectable } from '@nestjs/common';
import { WorkHistoryService } from '@baton/rostering';
import { EntityManager, In } from 'typeorm';
import { AlumniGamesExperienceEntity } from './profile-sections.entity';
import { AlumniProfileEntity } from './profile.entity';

/**
 * Copies what the roster recorded (WorkHistoryService: closed events, attended shifts) into the
 * profiles of these people, replacing the earlier copy. Set-based: one read, one delete, one insert.
 */
@Injectable()
export class GamesSnapshotService {
  constructor(private readonly workHistory: WorkHistoryService) {}

  async refresh(manager: EntityManager, userIds: readonly string[]): Promise<number> {
    if (!userIds.length) return 0;
    const withProfile = (await manager.getRepository(AlumniProfileEntity).find({ select: { userId: true }, where: { userId: In([...userIds]) } })).map(
      (p) => p.userId,
    );
    if (!withProfile.length) return 0;
    const records = await this.workHistory.historyOf(manager, withProfile);
    await manager.getRepository(AlumniGamesExperienceEntity).delete({ userId: In(withProfile) });
    if (!records.length) return 0;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AlumniGamesExperienceEntity)
      .values(
        records.map((r) => ({
          staffMemberId: r.staffMemberId,
          userId: r.userId,
          eventId: r.eventId,
          eventCode: r.eventCode,
          eventName: r.eventName,
          eventStartsOn: r.eventStartsOn,
          eventEndsOn: r.eventEndsOn,
          organisationName: r.organisationName,
          teamCode: r.teamCode,
          teamName: r.teamName,
          roleTitles: r.roleTitles,
          shifts: r.shifts,
          minutes: r.minutes,
          firstShiftAt: r.firstShiftAt,
          lastShiftAt: r.lastShiftAt,
          venueCodes: r.venues.map((v) => v.code),
          venues: r.venues.map((v) => ({ code: v.code, name: v.name, shifts: v.shifts })),
          teamCodes: r.teams.map((t) => t.code),
          teams: r.teams.map((t) => ({ code: t.code, name: t.name, shifts: t.shifts })),
        })) as never,
      )
      .updateEntity(false)
      .execute();
    return records.length;
  }
}
