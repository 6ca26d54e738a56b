import { Injectable } from '@nestjs/common';
import { RequestBudget, RequestBudgets } from '@baton/auth';
import { BatonConfig } from '@baton/config';

/**
 * Public verification needs no account, so it is budgeted per client address (VERIFY_LIMIT_*).
 * Guessing codes is hopeless at 128 bits; this keeps a scraper from turning the endpoint into a
 * load test.
 */
@Injectable()
export class VerificationThrottle {
  private readonly perAddress: RequestBudget;

  constructor(config: BatonConfig, budgets: RequestBudgets) {
    this.perAddress = budgets.budget({
      keyPrefix: 'verify-ip',
      points: config.credentials.verifyLimitPerAddress,
      duration: config.credentials.verifyLimitWindowSeconds,
    });
  }

  async attempt(address: string | undefined): Promise<void> {
    await this.perAddress.consume(address || 'unknown');
  }
}
