import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { AuditService } from '@baton/audit';
import { Actor, LoginThrottle } from '@baton/auth';
import { BadInputError, Clock, hashToken, randomToken, UnauthenticatedError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { OutboxService } from '@baton/outbox';
import { IsNull } from 'typeorm';
import { PasswordHasher } from '../password/password-hasher';
import { PasswordResetEntity } from '../password/password-reset.entity';
import { ClientInfo, IssuedSession, SessionService } from '../session/session.service';
import { TokenRowRepository } from '../token/token-row.repository';
import { UserEntity, UserStatus } from '../user/user.entity';

/** A person's own account: password change and reset. */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
    private readonly tokenRows: TokenRowRepository,
  ) {}

  /** Ends every other session and returns a fresh one for this device. */
  async changePassword(actor: Actor, current: string, next: string, client: ClientInfo): Promise<IssuedSession> {
    this.hasher.assertAcceptable(next, 'newPassword');
    await this.throttle.attempt(actor.email, client.ipAddress ?? 'unknown');
    const user = await this.transactions.run(({ manager }) => manager.getRepository(UserEntity).findOneByOrFail({ id: actor.userId }));
    if (!(await this.hasher.verify(user.passwordHash, current))) {
      throw BadInputError.field('currentPassword', 'The current password is wrong', 'mismatch');
    }
    if (current === next) throw BadInputError.field('newPassword', 'The new password must differ from the current one', 'unchanged');
    const hash = await this.hasher.hash(next);
    return this.transactions.run(async ({ manager }) => {
      await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash: hash, passwordChangedAt: this.clock.now() });
      await this.sessions.revokeAllForUser(manager, user.id, 'PASSWORD_CHANGED');
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'user.password_changed', entityType: 'user', entityId: user.id });
      return this.sessions.issue(manager, user.id, client);
    });
  }

  /** Always answers the same way, so it cannot be used to find out who has an account. */
  async requestPasswordReset(email: string, client: ClientInfo): Promise<void> {
    const normalised = email.trim().toLowerCase();
    await this.throttle.attempt(normalised, client.ipAddress ?? 'unknown');
    await this.transactions.run(async ({ manager }) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ email: normalised });
      if (!user || user.status !== UserStatus.ACTIVE) return;
      const token = randomToken();
      await manager.getRepository(PasswordResetEntity).insert({
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(this.clock.now().getTime() + this.config.auth.passwordResetTtlSeconds * 1000),
      });
      await this.outbox.enqueue(manager, {
        recipient: user.email,
        template: 'password-reset',
        subject: 'Reset your Baton password',
        body: `Someone asked to reset the password of ${user.email}. If it was you, use this token within ${Math.round(this.config.auth.passwordResetTtlSeconds / 60)} minutes:\n\n${token}\n\nmutation { resetPassword(input: { token: "${token}", newPassword: "…" }) }\n\nIf it was not you, ignore this message.`,
        payload: { userId: user.id, token },
      });
    });
  }

  async resetPassword(token: string, next: string): Promise<void> {
    this.hasher.assertAcceptable(next, 'newPassword');
    const hash = await this.hasher.hash(next);
    await this.transactions.run(async ({ manager }) => {
      const reset = await this.tokenRows.lockByToken(manager, PasswordResetEntity, token, { unusedOnly: true });
      if (!reset || reset.expiresAt <= this.clock.now()) {
        throw new UnauthenticatedError('This reset token is not valid or has expired', { reason: 'RESET_TOKEN_INVALID' });
      }
      const now = this.clock.now();
      await manager.getRepository(PasswordResetEntity).update({ id: reset.id }, { usedAt: now });
      // Any other outstanding reset token for this person dies with this one.
      await manager.getRepository(PasswordResetEntity).update({ userId: reset.userId, usedAt: IsNull() }, { usedAt: now });
      await manager.getRepository(UserEntity).update({ id: reset.userId }, { passwordHash: hash, passwordChangedAt: now });
      await this.sessions.revokeAllForUser(manager, reset.userId, 'PASSWORD_RESET');
      await this.audit.record(manager, { actorUserId: reset.userId, action: 'user.password_reset', entityType: 'user', entityId: reset.userId });
    });
  }
}
