import { ForbiddenError, RuleViolationError } from '@baton/core';
import { ApplicationStage } from '../common/opportunity-enums';

export class StageMoveError extends RuleViolationError {
  constructor(from: ApplicationStage, to: ApplicationStage, allowed: ApplicationStage[]) {
    const message = allowed.length ? `An application at ${from} can move to ${allowed.join(', ')} only` : `An application at ${from} cannot be moved any more`;
    super(message, [{ rule: 'APPLICATION_STAGE', message, from, to, allowed }]);
  }
}

export class OpportunityNotOpenError extends RuleViolationError {
  constructor(status: string) {
    super('This opportunity is not taking applications', [{ rule: 'OPPORTUNITY_OPEN', message: 'This opportunity is not taking applications', status }]);
  }
}

/** Applying needs an active membership of the alumni network (consent) and a profile. */
export class MembershipRequiredError extends ForbiddenError {
  constructor() {
    super('Join the alumni network (joinAlumniNetwork) to apply', { reason: 'CONSENT_REQUIRED' });
  }
}
