import { Injectable } from '@nestjs/common';
import { ProfileQueryService } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, ForbiddenError, NotFoundError } from '@baton/core';
import { TransactionRunner, translateForUseCase } from '@baton/database';
import { LoaderRegistry } from '@baton/graphql';
import { OutboxService } from '@baton/outbox';
import { DataSource, EntityManager } from 'typeorm';
import { ContactLimitError, ContactNotAcceptedError, ContactRequestClosedError } from '../common/talent-errors';
import { searchViewer } from '../common/talent-viewer';
import { ContactRequestInput, ContactRequestObject } from './dto/contact.dto';
import { ContactRequestStatus } from './contact-request.entity';
import { CONTACT_REQUEST_SELECT, ContactRequestRow, toContactRequest } from './contact.mapper';

export const CONTACT_REQUEST_USE_CASE = 'talent.contact-request';

/** Contact by consent: a recruiter asks, the alumnus answers; only an acceptance reveals contact details. */
/** The request an alumnus answers, locked while they do. */
interface AnsweredRequestRow {
  alumnus_id: string;
  recruiter_id: string;
  status: ContactRequestStatus;
  expires_at: Date;
}

@Injectable()
export class ContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly profiles: ProfileQueryService,
    private readonly outbox: OutboxService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor, input: ContactRequestInput, loaders: LoaderRegistry): Promise<ContactRequestObject> {
    const viewer = await searchViewer(actor, loaders);
    if (viewer.kind !== 'RECRUITER') throw new ForbiddenError('Contact requests are sent by recruiters for their organisation');
    // The same rule as search and profiles by id: someone you may not see reads as not found.
    await this.profiles.get(actor, input.alumnusId, loaders);
    const now = this.clock.now();
    const id = await this.insert(actor, viewer.organisationId, input, now).catch((error: unknown) => {
      // A block that committed after the visibility check above: the database refused the request (talent_contact_requests_not_blocked).
      throw translateForUseCase(CONTACT_REQUEST_USE_CASE, error);
    });
    return this.byId(this.dataSource.manager, id, now);
  }

  private insert(actor: Actor, organisationId: string, input: ContactRequestInput, now: Date): Promise<string> {
    return this.transactions.run(async ({ manager }) => {
      // A pending request past its date no longer holds the one-pending slot.
      await manager.query(
        `UPDATE talent_contact_requests SET status = 'EXPIRED', answered_at = expires_at
          WHERE organisation_id = $1 AND alumnus_id = $2 AND status = 'PENDING' AND expires_at <= $3`,
        [organisationId, input.alumnusId, now],
      );
      const [quota] = await manager.query<Array<{ sent: number }>>(
        `INSERT INTO talent_contact_quotas AS q (recruiter_id, day, sent) VALUES ($1, ($2::timestamptz AT TIME ZONE 'UTC')::date, 1)
         ON CONFLICT (recruiter_id, day) DO UPDATE SET sent = q.sent + 1 WHERE q.sent < $3 RETURNING sent`,
        [actor.userId, now, this.config.talent.contactDailyLimit],
      );
      if (!quota) throw new ContactLimitError(this.config.talent.contactDailyLimit);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO talent_contact_requests (organisation_id, recruiter_id, alumnus_id, message, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5::timestamptz + make_interval(days => $6)) RETURNING id`,
        [organisationId, actor.userId, input.alumnusId, input.message, now, this.config.talent.contactTtlDays],
      );
      const [who] = await manager.query<Array<{ email: string; name: string }>>(
        `SELECT u.email, o.name FROM users u, organisations o WHERE u.id = $1 AND o.id = $2`,
        [input.alumnusId, organisationId],
      );
      await this.outbox.enqueue(manager, {
        recipient: who.email,
        template: 'talent.contact-request',
        subject: `${who.name} would like to contact you`,
        body: `A recruiter of ${who.name} would like to contact you through the alumni network:\n\n${input.message}\n\nAccept or decline it in Baton; they see your contact details only if you accept.`,
        payload: { contactRequestId: row.id, organisationId },
      });
      return row.id;
    });
  }

  /** The alumnus answers; the recruiter who asked hears of it through the outbox. */
  async respond(actor: Actor, id: string, accept: boolean): Promise<ContactRequestObject> {
    const now = this.clock.now();
    await this.transactions.run(async ({ manager }) => {
      const [row] = await manager.query<AnsweredRequestRow[]>(
        `SELECT alumnus_id, recruiter_id, status, expires_at FROM talent_contact_requests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.alumnus_id !== actor.userId) throw new NotFoundError('ContactRequest', id);
      if (row.status !== ContactRequestStatus.PENDING || row.expires_at <= now) {
        throw new ContactRequestClosedError(row.status === ContactRequestStatus.PENDING ? ContactRequestStatus.EXPIRED : row.status);
      }
      const status = accept ? ContactRequestStatus.ACCEPTED : ContactRequestStatus.DECLINED;
      await manager.query(`UPDATE talent_contact_requests SET status = $2, answered_at = $3 WHERE id = $1`, [id, status, now]);
      await this.notifyRecruiter(manager, row, (alumnus) => ({
        template: 'talent.contact-answer',
        subject: `${alumnus} ${accept ? 'accepted' : 'declined'} your contact request`,
        body: accept
          ? `${alumnus} accepted your contact request: their contact details are now on their profile in Baton.`
          : `${alumnus} declined your contact request.`,
        payload: { contactRequestId: id, status },
      }));
    });
    return this.byId(this.dataSource.manager, id, now);
  }

  /**
   * The alumnus takes an acceptance back: from the next request on, that organisation sees no
   * contact details (what it already copied is beyond Baton's reach, which the notice says). Once
   * is enough: revoking again answers the same request unchanged.
   */
  async revoke(actor: Actor, id: string): Promise<ContactRequestObject> {
    const now = this.clock.now();
    await this.transactions.run(async ({ manager }) => {
      const [row] = await manager.query<Array<AnsweredRequestRow & { revoked_at: Date | null }>>(
        `SELECT alumnus_id, recruiter_id, status, expires_at, revoked_at FROM talent_contact_requests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row || row.alumnus_id !== actor.userId) throw new NotFoundError('ContactRequest', id);
      if (row.status !== ContactRequestStatus.ACCEPTED) throw new ContactNotAcceptedError(row.status);
      if (row.revoked_at) return;
      await manager.query(`UPDATE talent_contact_requests SET revoked_at = $2 WHERE id = $1`, [id, now]);
      await this.notifyRecruiter(manager, row, (alumnus) => ({
        template: 'talent.contact-revoked',
        subject: `${alumnus} withdrew their contact details`,
        body: `${alumnus} took back their acceptance of your contact request: Baton no longer shows their contact details to your organisation. Please delete any copy you made.`,
        payload: { contactRequestId: id },
      }));
    });
    return this.byId(this.dataSource.manager, id, now);
  }

  /**
   * Tells the recruiter who asked, in the same transaction as the change: the notice is sent only
   * if the change commits. A recruiter whose account is gone has no one to tell.
   */
  private async notifyRecruiter(
    manager: EntityManager,
    request: Pick<AnsweredRequestRow, 'recruiter_id' | 'alumnus_id'>,
    notice: (alumnusName: string) => { template: string; subject: string; body: string; payload: Record<string, unknown> },
  ): Promise<void> {
    const [who] = await manager.query<Array<{ email: string; display_name: string }>>(
      `SELECT u.email, p.display_name FROM users u, alumni_profiles p WHERE u.id = $1 AND p.user_id = $2`,
      [request.recruiter_id, request.alumnus_id],
    );
    if (who) await this.outbox.enqueue(manager, { recipient: who.email, ...notice(who.display_name) });
  }

  /** Requests received (the alumnus) or sent by one's organisation (a recruiter), newest first. */
  async list(actor: Actor, side: 'received' | 'sent', loaders: LoaderRegistry, first: number): Promise<ContactRequestObject[]> {
    const now = this.clock.now();
    let where: string;
    let value: string;
    if (side === 'received') {
      where = 'r.alumnus_id = $1';
      value = actor.userId;
    } else {
      const viewer = await searchViewer(actor, loaders);
      if (viewer.kind !== 'RECRUITER') throw new ForbiddenError('Sent contact requests belong to a recruiter’s organisation');
      where = 'r.organisation_id = $1';
      value = viewer.organisationId;
    }
    const rows = await this.dataSource.query<ContactRequestRow[]>(`${CONTACT_REQUEST_SELECT} WHERE ${where} ORDER BY r.created_at DESC, r.id LIMIT $2`, [
      value,
      first,
    ]);
    return rows.map((r) => toContactRequest(r, now));
  }

  private async byId(manager: EntityManager, id: string, now: Date): Promise<ContactRequestObject> {
    const [row] = await manager.query<ContactRequestRow[]>(`${CONTACT_REQUEST_SELECT} WHERE r.id = $1`, [id]);
    return toContactRequest(row, now);
  }
}
