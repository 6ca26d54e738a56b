import { Injectable } from '@nestjs/common';
import { Role } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, hashToken, randomToken } from '@baton/core';
import { OutboxService, type OutgoingMessage } from '@baton/outbox';
import { EntityManager } from 'typeorm';

export interface BulkInvitee {
  email: string;
  displayName: string;
}

export interface BulkInvitationRequest {
  /** Only roles without a scope can be handed out in bulk. */
  role: Role.ALUMNUS;
  invitedById: string;
  invitees: readonly BulkInvitee[];
  /** Defaults to INVITATION_TTL_SECONDS. */
  ttlSeconds?: number;
  /** The message for one invitee, with the one-time token (the caller words it). */
  message: (invitee: BulkInvitee & { invitationId: string }, token: string) => OutgoingMessage;
}

export interface BulkInvitationResult {
  invited: Array<{ email: string; invitationId: string }>;
  /** Emails that already have an account: no invitation was made, the caller tells them otherwise. */
  existingAccounts: Array<{ email: string; userId: string }>;
}

/**
 * Invitations for many people at once (closing an event invites its whole workforce): one read of
 * the existing accounts, one INSERT … SELECT of the invitations, one of their messages. Tokens are
 * drawn and hashed here, as for single invitations; only the hash is stored.
 */
@Injectable()
export class BulkInvitationService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  async inviteMany(manager: EntityManager, request: BulkInvitationRequest): Promise<BulkInvitationResult> {
    const byEmail = new Map<string, BulkInvitee>();
    for (const invitee of request.invitees) {
      const email = invitee.email.trim().toLowerCase();
      if (email && !byEmail.has(email)) byEmail.set(email, { email, displayName: invitee.displayName.trim() || email });
    }
    if (!byEmail.size) return { invited: [], existingAccounts: [] };
    const accounts = await manager.query<Array<{ id: string; email: string }>>(
      `SELECT id, email FROM users WHERE email = ANY($1::text[]) AND status <> 'INVITED'`,
      [[...byEmail.keys()]],
    );
    for (const account of accounts) byEmail.delete(account.email);
    const invitees = [...byEmail.values()];
    const tokens = invitees.map(() => randomToken());
    const expiresAt = new Date(this.clock.now().getTime() + (request.ttlSeconds ?? this.config.auth.invitationTtlSeconds) * 1000);
    const rows = invitees.length
      ? await manager.query<Array<{ id: string; email: string }>>(
          `INSERT INTO invitations (email, display_name, token_hash, role, invited_by_id, expires_at)
           SELECT i.email, i.display_name, i.token_hash, $4::role, $5::uuid, $6::timestamptz
             FROM unnest($1::text[], $2::text[], $3::text[]) AS i(email, display_name, token_hash)
           RETURNING id, email`,
          [invitees.map((i) => i.email), invitees.map((i) => i.displayName), tokens.map(hashToken), request.role, request.invitedById, expiresAt],
        )
      : [];
    const ids = new Map(rows.map((r) => [r.email, r.id]));
    await this.outbox.enqueueMany(
      manager,
      invitees.map((invitee, i) => request.message({ ...invitee, invitationId: ids.get(invitee.email) as string }, tokens[i])),
    );
    return {
      invited: invitees.map((i) => ({ email: i.email, invitationId: ids.get(i.email) as string })),
      existingAccounts: accounts.map((a) => ({ email: a.email, userId: a.id })),
    };
  }
}
