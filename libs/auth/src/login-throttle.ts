import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { RequestBudget, RequestBudgets } from './request-budgets';

/**
 * Each login costs an argon2id hash (~32 ms here), so guessing is throttled per account and per
 * address.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RequestBudget;
  private readonly perAddress: RequestBudget;

  constructor(config: BatonConfig, budgets: RequestBudgets) {
    const duration = config.auth.loginLimitWindowSeconds;
    this.perAccount = budgets.budget({ keyPrefix: 'login-acct', points: config.auth.loginLimitPerAccount, duration });
    this.perAddress = budgets.budget({ keyPrefix: 'login-ip', points: config.auth.loginLimitPerAddress, duration });
  }

  /** Counts one attempt; throws when either budget is spent. */
  async attempt(email: string, address: string): Promise<void> {
    await this.perAddress.consume(address);
    await this.perAccount.consume(email.toLowerCase());
  }

  /** A successful login clears the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.perAccount.reset(email.toLowerCase());
  }
}
