import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Clock, PrivacySubject } from '@baton/core';
import { EntityManager } from 'typeorm';
import { PrivacyRegistry } from '../registry/privacy-registry';
import { SubjectResolver } from '../registry/subject-resolver';

export interface ErasureOutcome {
  subject: PrivacySubject;
  counts: Record<string, number>;
}

/**
 * The erasure of one person, in the caller's transaction: every contribution in order (data,
 * then the audit and outbox trails), then one audit record of ids and row counts only.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly subjects: SubjectResolver,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async erase(
    manager: EntityManager,
    start: { userId?: string | null; staffMemberIds?: string[] },
    actorUserId: string | null,
    cause: { action: string; requestId?: string },
  ): Promise<ErasureOutcome> {
    const now = this.clock.now();
    const subject = await this.subjects.resolve(manager, start);
    const counts: Record<string, number> = {};
    for (const contribution of this.registry.contributions()) {
      if (!contribution.erase) continue;
      for (const [key, n] of Object.entries(await contribution.erase({ manager, subject, actorUserId, now }))) counts[`${contribution.section}.${key}`] = n;
    }
    await this.audit.record(manager, {
      actorUserId,
      action: cause.action,
      entityType: subject.userId ? 'user' : 'staff_member',
      entityId: subject.userId ?? subject.staffMemberIds[0] ?? null,
      after: { ...counts, staffRecords: subject.staffMemberIds.length, ...(cause.requestId ? { erasureRequestId: cause.requestId } : {}) },
    });
    return { subject, counts };
  }
}
