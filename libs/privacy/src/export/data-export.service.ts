import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PrivacyRegistry } from '../registry/privacy-registry';
import { SubjectResolver } from '../registry/subject-resolver';

export const EXPORT_FORMAT = 'baton-personal-data/1';

/** Counts rows per section, for an audit record that says how much was given without repeating it. */
function rowCounts(sections: Record<string, Record<string, unknown>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [section, parts] of Object.entries(sections)) {
    for (const [part, value] of Object.entries(parts)) counts[`${section}.${part}`] = Array.isArray(value) ? value.length : value ? 1 : 0;
  }
  return counts;
}

/**
 * GDPR art. 15 and 20: everything Baton holds on the person, one JSON document, a section per
 * lib. Read in one transaction, so the document is one consistent moment; the export itself is
 * audited (who, when, how many rows), never its content.
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly subjects: SubjectResolver,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async exportMine(actor: Actor): Promise<Record<string, unknown>> {
    return this.transactions.run(async ({ manager }) => {
      const now = this.clock.now();
      const subject = await this.subjects.resolve(manager, { userId: actor.userId });
      const sections: Record<string, Record<string, unknown>> = {};
      for (const contribution of [...this.registry.contributions()].sort((a, b) => a.section.localeCompare(b.section))) {
        if (!contribution.exportData) continue;
        sections[contribution.section] = await contribution.exportData({ manager, subject, actorUserId: actor.userId, now });
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'privacy.exported',
        entityType: 'user',
        entityId: actor.userId,
        after: rowCounts(sections),
      });
      return { format: EXPORT_FORMAT, generatedAt: now.toISOString(), userId: subject.userId, staffMemberIds: subject.staffMemberIds, sections };
    });
  }
}
