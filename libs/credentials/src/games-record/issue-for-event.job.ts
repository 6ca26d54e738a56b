import { Injectable, OnModuleInit } from '@nestjs/common';
import { BadInputError, RuleViolationError } from '@baton/core';
import { EventPhase, EventPhaseHooks } from '@baton/events';
import { JobContext, JobHandler, JobQueue } from '@baton/queue';
import { GamesRecordIssuer } from './games-record-issuer.service';

export const ISSUE_FOR_EVENT_JOB = 'credentials.issue-for-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Closing an event issues its Games records, but not inside the phase change: signing 5,300
 * credentials would hold the event's lock for minutes. The job is enqueued in the phase change's
 * transaction, so it exists only if the close commits, and runs as the system (no actor).
 * Running it twice is harmless: the issuer skips staff records that already have a record.
 */
@Injectable()
export class IssueForEventJob implements OnModuleInit {
  constructor(
    private readonly hooks: EventPhaseHooks,
    private readonly queue: JobQueue,
    private readonly issuer: GamesRecordIssuer,
  ) {}

  onModuleInit(): void {
    this.hooks.register('credentials-issue-records', async (tx, change) => {
      if (change.to !== EventPhase.CLOSED) return;
      // One waiting job per event: closing, reopening and closing again before it ran adds none.
      await this.queue.enqueue(ISSUE_FOR_EVENT_JOB, { eventId: change.eventId }, { tx, singletonKey: change.eventId });
    });
  }

  @JobHandler(ISSUE_FOR_EVENT_JOB, { retryLimit: 3, retryDelaySeconds: 30, expireInSeconds: 30 * 60 })
  async run(job: JobContext<{ eventId?: unknown }>) {
    const eventId = job.data.eventId;
    if (typeof eventId !== 'string' || !UUID.test(eventId)) throw BadInputError.field('eventId', 'An event id (uuid) is required', 'uuid');
    let summary;
    try {
      summary = await this.issuer.issueForEvent(eventId, null);
    } catch (error) {
      // Reopened before the job ran: nothing to issue now; closing it again enqueues a new run.
      if (error instanceof RuleViolationError && notClosed(error)) return { eventId, skipped: 'EVENT_NOT_CLOSED' };
      throw error;
    }
    job.progress({ done: summary.issued + summary.alreadyIssued, stage: 'issued' });
    return summary;
  }
}

function notClosed(error: RuleViolationError): boolean {
  const rules = (error.details.rules ?? []) as Array<{ rule?: string }>;
  return rules.some((r) => r.rule === 'EVENT_NOT_CLOSED');
}
