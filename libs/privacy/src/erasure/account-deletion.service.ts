import { Injectable } from '@nestjs/common';
import { Actor, LoginThrottle } from '@baton/auth';
import { BadInputError, Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PasswordHasher, UserEntity } from '@baton/identity';
import { assertNotLastAdmin } from './admin-guard';
import { ErasureService } from './erasure.service';

export interface AccountDeletion {
  erasedAt: Date;
  staffRecords: number;
}

/**
 * "Delete my account" (GDPR art. 17), confirmed by the current password so a stolen access token
 * alone cannot destroy an account. Attempts count against the login throttle: each costs an argon2 hash.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly transactions: TransactionRunner,
    private readonly erasure: ErasureService,
    private readonly clock: Clock,
  ) {}

  async deleteMine(actor: Actor, password: unknown, address: string): Promise<AccountDeletion> {
    if (typeof password !== 'string' || !password) throw BadInputError.field('password', 'Give your current password', 'required');
    await this.throttle.attempt(actor.email, address);
    const user = await this.transactions.run(({ manager }) => manager.getRepository(UserEntity).findOneByOrFail({ id: actor.userId }));
    if (!(await this.hasher.verify(user.passwordHash, password))) throw BadInputError.field('password', 'The password is wrong', 'mismatch');
    return this.transactions.run(async ({ manager }) => {
      await assertNotLastAdmin(manager, actor.userId);
      const { subject } = await this.erasure.erase(manager, { userId: actor.userId }, actor.userId, { action: 'privacy.account_deleted' });
      return { erasedAt: this.clock.now(), staffRecords: subject.staffMemberIds.length };
    });
  }
}
