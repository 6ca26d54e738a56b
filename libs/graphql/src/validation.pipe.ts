import { ValidationPipe } from '@nestjs/common';
import { BadInputError } from '@baton/core';
import { fieldProblems } from './error-formatting';

/** Inputs are checked with class-validator; every failing field is reported, not just the first. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return new BadInputError(fields.length === 1 ? fields[0].message : `${fields.length} fields are invalid`, fields);
    },
  });
}
