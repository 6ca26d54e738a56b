import { ForbiddenError, RuleViolationError } from './errors';

describe('RuleViolationError', () => {
  it('carries no stack frames (an answer, not a fault) and leaves the stack limit as it was', () => {
    const before = Error.stackTraceLimit;
    const error = new RuleViolationError('Refused by a rule', [{ rule: 'OVERLAP', message: 'overlaps' }]);
    expect(error.stack?.split('\n')).toHaveLength(1);
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', name: 'RuleViolationError', details: { rules: [{ rule: 'OVERLAP' }] } });
    expect(Error.stackTraceLimit).toBe(before);
    // Other errors keep theirs.
    expect(new ForbiddenError().stack?.split('\n').length).toBeGreaterThan(1);
  });
});
