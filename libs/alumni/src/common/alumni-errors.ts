import { ForbiddenError } from '@baton/core';

/** The network is for its members: you browse and write in it only while your consent is active. */
export class ConsentRequiredError extends ForbiddenError {
  constructor(message = 'Join the alumni network (joinAlumniNetwork) to do this') {
    super(message, { reason: 'CONSENT_REQUIRED' });
  }
}
