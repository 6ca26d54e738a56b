import { Injectable } from '@nestjs/common';
import { ERASED_MARK, identifierPatterns, PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/**
 * Applications are the applicant's (message, CV snapshot): exported, and deleted on erasure with
 * their history. Postings belong to the organisation and stay; a referral an alumnus wrote loses
 * its author and any mention of the person in its text.
 */
@Injectable()
@PrivacyContributor()
export class OpportunitiesPrivacyContributor implements PrivacyContribution {
  readonly section = 'opportunities';
  readonly tables = [
    { table: 'applications', personal: true, note: 'the applicant’s: deleted (history cascades)' },
    { table: 'application_history', personal: true, note: 'deleted with the application' },
    { table: 'opportunities', personal: true, note: 'kept (the organisation’s posting); author removed, identifiers cut out of title and description' },
    { table: 'opportunity_skills', personal: false, note: 'requirements of a posting' },
    { table: 'opportunity_languages', personal: false, note: 'requirements of a posting' },
    { table: 'application_stage_moves', personal: false, note: 'the allowed stage changes (reference data)' },
  ];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    if (!subject.userId) return { applications: [], authored: [] };
    return {
      applications: await manager.query<StoredRow[]>(`SELECT * FROM applications WHERE applicant_id = $1 ORDER BY id`, [subject.userId]),
      applicationHistory: await manager.query<StoredRow[]>(
        `SELECT h.* FROM application_history h JOIN applications a ON a.id = h.application_id WHERE a.applicant_id = $1 ORDER BY h.id`,
        [subject.userId],
      ),
      authored: await manager.query<StoredRow[]>(`SELECT id, title, status, created_at FROM opportunities WHERE author_id = $1 ORDER BY id`, [subject.userId]),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    if (subject.userId) {
      const [, applications] = await manager.query<Affected>(`DELETE FROM applications WHERE applicant_id = $1`, [subject.userId]);
      const [, authored] = await manager.query<Affected>(`UPDATE opportunities SET author_id = NULL WHERE author_id = $1`, [subject.userId]);
      counts.applications = Number(applications ?? 0);
      counts.opportunities_authored = Number(authored ?? 0);
    }
    let mentions = 0;
    for (const pattern of identifierPatterns(subject)) {
      const [, n] = await manager.query<Affected>(
        `UPDATE opportunities SET title = regexp_replace(title, $1, $2, 'gi'), description = regexp_replace(description, $1, $2, 'gi') WHERE title ~* $1 OR description ~* $1`,
        [pattern, ERASED_MARK],
      );
      mentions += Number(n ?? 0);
    }
    counts.opportunities_mentions = mentions;
    return counts;
  }
}
