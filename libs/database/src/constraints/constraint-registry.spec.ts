import { ConflictError, RuleViolationError } from '@baton/core';
import { ConstraintRegistry } from './constraint-registry';

describe('ConstraintRegistry', () => {
  it('answers what a declared constraint means, and nothing for one nobody declared', () => {
    const registry = new ConstraintRegistry();
    registry.declare({ owner: 'skills', meanings: { skills_code_key: { field: 'code', message: 'Taken' } } });
    expect(registry.meaningOf('skills_code_key')).toEqual({ field: 'code', message: 'Taken' });
    expect(registry.meaningOf('events_code_key')).toBeUndefined();
  });

  it('keeps a use case translation to that use case', () => {
    const registry = new ConstraintRegistry();
    const full = () => new RuleViolationError('Full', [{ rule: 'CAPACITY', message: 'Full' }]);
    registry.declare({ owner: 'rostering', useCases: [{ useCase: 'assign', constraints: ['shifts_capacity_check'], translate: full }] });
    expect(registry.translationFor('assign', 'shifts_capacity_check')).toBe(full);
    expect(registry.translationFor('moveShift', 'shifts_capacity_check')).toBeUndefined();
    expect(registry.translationFor('assign', 'shifts_order_check')).toBeUndefined();
  });

  it('accepts the same declaration twice (a second app in one process)', () => {
    const registry = new ConstraintRegistry();
    const set = { owner: 'events', meanings: { events_code_key: { field: 'code', message: 'Taken' } } };
    registry.declare(set);
    expect(() => registry.declare(set)).not.toThrow();
  });

  it('refuses a second owner for one constraint, or a different meaning', () => {
    const registry = new ConstraintRegistry();
    registry.declare({ owner: 'events', meanings: { events_code_key: { field: 'code', message: 'Taken' } } });
    expect(() => registry.declare({ owner: 'staff', meanings: { events_code_key: { field: 'code', message: 'Taken' } } })).toThrow(/events.*staff/);
    expect(() => registry.declare({ owner: 'events', meanings: { events_code_key: { message: 'Other' } } })).toThrow(/differently/);
    const conflict = () => new ConflictError('x', {});
    registry.declare({ owner: 'rostering', useCases: [{ useCase: 'move', constraints: ['c'], translate: conflict }] });
    expect(() => registry.declare({ owner: 'staff', useCases: [{ useCase: 'move', constraints: ['c'], translate: conflict }] })).toThrow(/rostering.*staff/);
  });
});
