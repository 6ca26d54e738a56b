import { BadInputError } from './errors';
import { updateChanges } from './update-input';

describe('update inputs: absent keeps, null clears what may be empty, null elsewhere is refused', () => {
  interface Input {
    title?: string | null;
    notes?: string | null;
    headcount?: number | null;
    tags?: string[] | null;
  }

  it('drops what is left out and keeps what is given, falsy values included', () => {
    expect(updateChanges<Input>({ title: '', headcount: 0, tags: [], notes: undefined }, ['notes'])).toEqual({ title: '', headcount: 0, tags: [] });
  });

  it('clears a clearable field with null', () => {
    expect(updateChanges<Input>({ notes: null }, ['notes'])).toEqual({ notes: null });
  });

  it('refuses null on every other field, naming each one, lists included', () => {
    let error: unknown;
    try {
      updateChanges<Input>({ title: null, headcount: null, tags: null, notes: null }, ['notes']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).details.fields).toEqual([
      expect.objectContaining({ field: 'title', constraint: 'notNull' }),
      expect.objectContaining({ field: 'headcount', constraint: 'notNull' }),
      expect.objectContaining({ field: 'tags', constraint: 'notNull' }),
    ]);
  });
});
