import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { QueryFailedError } from 'typeorm';
import { mapDatabaseError } from '../database-errors';
import { ConstraintsModule } from './constraints.module';

const violation = (constraint: string) =>
  Object.assign(new QueryFailedError('INSERT', [], new Error('duplicate key')), { driverError: { code: '23505', constraint } });

@Module({ imports: [ConstraintsModule.forFeature({ owner: 'spec', meanings: { spec_widgets_code_key: { field: 'code', message: 'Widget taken' } } })] })
class WidgetsModule {}

describe('ConstraintsModule.forFeature', () => {
  it('a constraint is translated only once the module that declares it has started', async () => {
    const before = mapDatabaseError(violation('spec_widgets_code_key'));
    expect(before?.message).toBe('This conflicts with existing data');
    expect(before).not.toMatchObject({ details: { field: 'code' } });

    const app = await Test.createTestingModule({ imports: [WidgetsModule] }).compile();
    try {
      const after = mapDatabaseError(violation('spec_widgets_code_key'));
      expect(after?.message).toBe('Widget taken');
      expect(after).toMatchObject({ code: 'CONFLICT', details: { constraint: 'spec_widgets_code_key', field: 'code' } });
    } finally {
      await app.close();
    }
  });
});
