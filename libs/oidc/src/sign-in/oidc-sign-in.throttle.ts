import { Injectable } from '@nestjs/common';
import { RequestBudget, RequestBudgets } from '@baton/auth';
import { BatonConfig } from '@baton/config';

/**
 * Starting a sign-in needs no account yet writes a row and calls the provider, so starts get the
 * per-address login allowance (LOGIN_LIMIT_PER_ADDRESS per LOGIN_LIMIT_WINDOW_SECONDS), counted
 * apart from logins. The callback needs an unused state from a start, so it is bounded by this too.
 */
@Injectable()
export class OidcSignInThrottle {
  private readonly perAddress: RequestBudget;

  constructor(config: BatonConfig, budgets: RequestBudgets) {
    this.perAddress = budgets.budget({
      keyPrefix: 'oidc-start-ip',
      points: config.auth.loginLimitPerAddress,
      duration: config.auth.loginLimitWindowSeconds,
    });
  }

  async attempt(address: string | undefined): Promise<void> {
    await this.perAddress.consume(address || 'unknown');
  }
}
