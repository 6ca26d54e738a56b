import { RuleViolationError } from '@baton/core';
import { OpportunityStatus } from '../common/opportunity-enums';

/** A status move the life cycle does not allow (the trigger refuses it too). */
export class OpportunityStatusError extends RuleViolationError {
  constructor(from: OpportunityStatus, to: OpportunityStatus | 'EDITED', message: string) {
    super(message, [{ rule: 'OPPORTUNITY_STATUS', message, from, to }]);
  }
}
