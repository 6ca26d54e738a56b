import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Role } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { EventPhase, EventPhaseChange, EventPhaseHooks } from '@baton/events';
import { BulkInvitationService, UserDirectoryService } from '@baton/identity';
import { OutboxService, type OutgoingMessage } from '@baton/outbox';
import { StaffAccountsService } from '@baton/staff';
import { EntityManager } from 'typeorm';
import { GamesSnapshotService } from '../profile/games-snapshot.service';

/** Long enough to get over the end of the Games; a week (the default for staff) is not. */
export const ALUMNI_INVITATION_TTL_SECONDS = 30 * 86_400;

export interface InvitationCounts {
  staffRecords: number;
  alreadyInvited: number;
  members: number;
  accounts: number;
  newAccounts: number;
  unreachable: number;
}

interface Row {
  staffMemberId: string;
  userId: string | null;
  email: string | null;
  notified: boolean;
}

/**
 * When an event closes, its whole workforce is asked to join the alumni network, in the
 * transaction that closes it (the messages commit with the phase or not at all). Set-based: a
 * handful of statements for 5,300 people. Each staff record is handled once (a unique key on the
 * record), so closing again only reaches records added since; members get no message (their Games
 * record is refreshed instead); people without an account get an identity invitation granting
 * ALUMNUS, whose acceptance leads to the consent step.
 */
@Injectable()
export class AlumniInvitationService implements OnModuleInit {
  constructor(
    private readonly hooks: EventPhaseHooks,
    private readonly staffAccounts: StaffAccountsService,
    private readonly users: UserDirectoryService,
    private readonly bulkInvitations: BulkInvitationService,
    private readonly outbox: OutboxService,
    private readonly games: GamesSnapshotService,
    private readonly audit: AuditService,
    private readonly config: BatonConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.register('alumni-invitations', ({ manager }, change) =>
      change.to === EventPhase.CLOSED ? this.inviteEventStaff(manager, change).then(() => undefined) : Promise.resolve(),
    );
  }

  async inviteEventStaff(manager: EntityManager, change: EventPhaseChange): Promise<InvitationCounts> {
    const people = await this.staffAccounts.peopleOfEvent(manager, change.eventId);
    const done = await manager.query<Array<{ staff_member_id: string }>>(`SELECT staff_member_id FROM alumni_invitations WHERE event_id = $1`, [
      change.eventId,
    ]);
    const skip = new Set(done.map((d) => d.staff_member_id));
    const fresh = people.filter((p) => !skip.has(p.staffMemberId));
    const linkedIds = [...new Set(fresh.flatMap((p) => (p.userId ? [p.userId] : [])))];
    const consenting = await manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM alumni_consents WHERE user_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
      [linkedIds],
    );
    const members = new Set(consenting.map((r) => r.user_id));
    const accounts = new Map((await this.users.accountsOf(manager, linkedIds)).map((a) => [a.id, a]));
    const current = await this.currentConsentText(manager);
    const rows: Row[] = [];
    const messages: OutgoingMessage[] = [];
    const byEmail: Array<{ staffMemberId: string; email: string; displayName: string }> = [];
    for (const person of fresh) {
      const account = person.userId ? accounts.get(person.userId) : undefined;
      if (person.userId && members.has(person.userId)) {
        rows.push({ staffMemberId: person.staffMemberId, userId: person.userId, email: account?.email ?? null, notified: false });
      } else if (account) {
        rows.push({ staffMemberId: person.staffMemberId, userId: account.id, email: account.email, notified: true });
        messages.push(this.joinMessage(account.email, account.displayName, change, current));
      } else if (person.email) {
        byEmail.push({ staffMemberId: person.staffMemberId, email: person.email.toLowerCase(), displayName: person.displayName });
      } else {
        rows.push({ staffMemberId: person.staffMemberId, userId: null, email: null, notified: false });
      }
    }
    let newAccounts = 0;
    if (byEmail.length) {
      if (!change.actorUserId) throw new Error('Inviting people without an account needs the person who closed the event');
      const result = await this.bulkInvitations.inviteMany(manager, {
        role: Role.ALUMNUS,
        invitedById: change.actorUserId,
        invitees: byEmail,
        ttlSeconds: ALUMNI_INVITATION_TTL_SECONDS,
        message: (invitee, token) => this.accountMessage(invitee.email, invitee.displayName, token, invitee.invitationId, change),
      });
      newAccounts = result.invited.length;
      // An account exists for this address but the staff record was never linked to it: the
      // owner of that account is told to join; joining links the record (same proof: the address).
      const existing = new Map(result.existingAccounts.map((a) => [a.email, a]));
      const told = new Set<string>();
      for (const person of byEmail) {
        rows.push({ staffMemberId: person.staffMemberId, userId: null, email: person.email, notified: true });
        if (existing.has(person.email) && !told.has(person.email)) {
          told.add(person.email);
          messages.push(this.joinMessage(person.email, person.displayName, change, current));
        }
      }
    }
    await this.outbox.enqueueMany(manager, messages);
    if (rows.length) {
      await manager.query(
        `INSERT INTO alumni_invitations (event_id, event_name, staff_member_id, user_id, email, notified)
         SELECT $1, $2, r.staff_member_id, r.user_id, r.email, r.notified
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::boolean[]) AS r(staff_member_id, user_id, email, notified)
         ON CONFLICT (staff_member_id) DO NOTHING`,
        [change.eventId, change.eventName, rows.map((r) => r.staffMemberId), rows.map((r) => r.userId), rows.map((r) => r.email), rows.map((r) => r.notified)],
      );
    }
    // Members who worked this event: their profile gains it now.
    await this.games.refresh(manager, [...members]);
    const counts: InvitationCounts = {
      staffRecords: people.length,
      alreadyInvited: skip.size,
      members: rows.filter((r) => r.userId && members.has(r.userId)).length,
      accounts: messages.length,
      newAccounts,
      unreachable: rows.filter((r) => !r.notified && !(r.userId && members.has(r.userId))).length,
    };
    await this.audit.record(manager, {
      actorUserId: change.actorUserId,
      action: 'alumni.invitations_sent',
      entityType: 'event',
      entityId: change.eventId,
      eventId: change.eventId,
      after: { ...counts },
    });
    return counts;
  }

  private async currentConsentText(manager: EntityManager): Promise<{ id: string; version: number } | null> {
    const [row] = await manager.query<Array<{ id: string; version: number }>>(
      `SELECT id, version FROM alumni_consent_texts WHERE purpose = 'ALUMNI_NETWORK' ORDER BY version DESC LIMIT 1`,
    );
    return row ? { id: row.id, version: Number(row.version) } : null;
  }

  private joinMessage(email: string, name: string, change: EventPhaseChange, text: { id: string; version: number } | null): OutgoingMessage {
    const consent = text ? `consentTextId: "${text.id}"` : 'consentTextId: "…"';
    return {
      recipient: email,
      template: 'alumni-join',
      subject: `Stay in touch after ${change.eventName}: join the alumni network`,
      body:
        `Hello ${name},\n\n${change.eventName} is over. Thank you for your work. Baton's alumni network keeps the people of the Games together: ` +
        `a profile with your Games record, endorsements from colleagues you worked with, opportunities.\n\n` +
        `Nothing about you appears there unless you join. To join, sign in, read the consent text (query alumniConsentTexts) and agree to it:\n\n` +
        `${this.config.http.publicUrl}/graphiql\nmutation { joinAlumniNetwork(input: { ${consent} }) { userId } }`,
      payload: { eventId: change.eventId, consentTextId: text?.id ?? null },
    };
  }

  private accountMessage(email: string, name: string, token: string, invitationId: string, change: EventPhaseChange): OutgoingMessage {
    return {
      recipient: email,
      template: 'alumni-invitation',
      subject: `Stay in touch after ${change.eventName}: join the alumni network`,
      body:
        `Hello ${name},\n\n${change.eventName} is over. Thank you for your work. You are invited to Baton's alumni network. ` +
        `Nothing about you appears there unless you join.\n\nFirst choose a password within ${Math.round(ALUMNI_INVITATION_TTL_SECONDS / 86_400)} days with this token:\n\n${token}\n\n` +
        `${this.config.http.publicUrl}/graphiql\nmutation { acceptInvitation(input: { token: "${token}", password: "…" }) { accessToken } }\n\n` +
        `Then read the consent text (query alumniConsentTexts) and join: mutation { joinAlumniNetwork(input: { consentTextId: "…" }) { userId } }`,
      payload: { eventId: change.eventId, invitationId, token },
    };
  }
}
