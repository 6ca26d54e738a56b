import { BadInputError } from '@baton/core';
import { fieldProblems } from './error-formatting';
import { RememberingValidationPipe } from './input/validated-once';

/** Inputs are checked with class-validator; every failing field is reported, not just the first. */
export function createValidationPipe(): RememberingValidationPipe {
  return new RememberingValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new BadInputError(fields.length === 1 ? fields[0].message : `${fields.length} fields are invalid`, fields);
    },
  });
}
