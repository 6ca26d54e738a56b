import { Injectable } from '@nestjs/common';
import { ERASED_MARK, identifierPatterns, PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/**
 * The talent exchange's part: what recruiters asked of a person and what a recruiter saved. An
 * erased alumnus's requests, blocks, matches and search document go; an erased recruiter's saved
 * searches and quotas go, and the requests they sent stay for the alumni who answered them, with
 * the sender removed and the person's identifiers cut out of the messages.
 */
@Injectable()
@PrivacyContributor()
export class TalentPrivacyContributor implements PrivacyContribution {
  readonly section = 'talent';
  readonly tables = [
    {
      table: 'talent_contact_requests',
      personal: true,
      note: 'requests to the person deleted; requests they sent keep no sender; identifiers cut out of messages',
    },
    { table: 'talent_saved_searches', personal: true, note: 'a recruiter’s own: deleted (their matches cascade)' },
    { table: 'talent_saved_search_matches', personal: true, note: 'matches naming the person deleted' },
    { table: 'talent_contact_quotas', personal: true, note: 'a recruiter’s daily counters: deleted' },
    { table: 'talent_documents', personal: true, note: 'the search copy of a profile: deleted with the profile' },
    { table: 'alumni_organisation_blocks', personal: true, note: 'the organisations the person blocked: deleted' },
    {
      table: 'talent_search_changes',
      personal: true,
      note: 'user ids whose search entry changed, kept a day: the erasure itself writes one, which tells every search engine to drop the person',
    },
  ];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    if (!subject.userId) return {};
    const id = [subject.userId];
    return {
      contactRequestsReceived: await manager.query<StoredRow[]>(`SELECT * FROM talent_contact_requests WHERE alumnus_id = $1 ORDER BY created_at, id`, id),
      contactRequestsSent: await manager.query<StoredRow[]>(`SELECT * FROM talent_contact_requests WHERE recruiter_id = $1 ORDER BY created_at, id`, id),
      savedSearches: await manager.query<StoredRow[]>(`SELECT * FROM talent_saved_searches WHERE recruiter_id = $1 ORDER BY created_at, id`, id),
      organisationBlocks: await manager.query<StoredRow[]>(`SELECT * FROM alumni_organisation_blocks WHERE user_id = $1 ORDER BY created_at`, id),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const run = async (key: string, sql: string, params: unknown[]) => {
      const [, n] = await manager.query<Affected>(sql, params);
      counts[key] = (counts[key] ?? 0) + Number(n ?? 0);
    };
    if (subject.userId) {
      const id = [subject.userId];
      await run('contact_requests_received', `DELETE FROM talent_contact_requests WHERE alumnus_id = $1`, id);
      await run('contact_requests_sent', `UPDATE talent_contact_requests SET recruiter_id = NULL WHERE recruiter_id = $1`, id);
      await run('saved_searches', `DELETE FROM talent_saved_searches WHERE recruiter_id = $1`, id);
      await run('saved_search_matches', `DELETE FROM talent_saved_search_matches WHERE user_id = $1`, id);
      await run('contact_quotas', `DELETE FROM talent_contact_quotas WHERE recruiter_id = $1`, id);
      await run('documents', `DELETE FROM talent_documents WHERE user_id = $1`, id);
      await run('organisation_blocks', `DELETE FROM alumni_organisation_blocks WHERE user_id = $1`, id);
    }
    for (const pattern of identifierPatterns(subject)) {
      await run('contact_request_mentions', `UPDATE talent_contact_requests SET message = regexp_replace(message, $1, $2, 'gi') WHERE message ~* $1`, [
        pattern,
        ERASED_MARK,
      ]);
    }
    return counts;
  }
}
