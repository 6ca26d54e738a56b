import { GraphQLFloat, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { objectText } from './object-text';
import type { ResponseShape } from './response-shape';

const Value = new GraphQLObjectType({ name: 'Value', fields: { value: { type: GraphQLString }, count: { type: GraphQLFloat } } });
const Page = new GraphQLObjectType({
  name: 'Page',
  fields: { title: { type: GraphQLString }, at: { type: DateTimeScalar }, values: { type: new GraphQLNonNull(new GraphQLList(Value)) } },
});
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { page: { type: Page } } }) });
const valueShape: ResponseShape = {
  typeName: 'Value',
  fields: [
    { key: 'value', name: 'value', shape: null },
    { key: 'n', name: 'count', shape: null },
  ],
};
const shape = (...names: Array<'title' | 'at' | 'values'>): ResponseShape => ({
  typeName: 'Page',
  fields: names.map((name) => ({ key: name, name, shape: name === 'values' ? valueShape : null })),
});

/** A frozen value whose property reads are counted (a proxy of a frozen object must answer what the object holds). */
function counted<T extends object>(value: T): { value: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { value: proxy, reads: () => reads };
}

describe('objectText', () => {
  const deepFrozen = () => Object.freeze({ title: 'A', values: Object.freeze([Object.freeze({ value: 'fr', count: 2 })]) });

  it('writes a deep-frozen value once per shape, then gives the same text without reading it', () => {
    const { value, reads } = counted(deepFrozen());
    const s = shape('title', 'values');
    const first = objectText(schema, s, value);
    expect(first).toBe('{"title":"A","values":[{"value":"fr","n":2}]}');
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(objectText(schema, s, value)).toBe(first);
    expect(reads()).toBe(afterFirst);
    // Another shape is another writer: written again, with its own keys.
    expect(objectText(schema, shape('values'), value)).toBe('{"values":[{"value":"fr","n":2}]}');
    expect(reads()).toBeGreaterThan(afterFirst);
  });

  it('writes again whatever could have changed: an unfrozen part, a Date, an object not frozen', () => {
    const values: Array<{ value: string; count: number }> = [Object.freeze({ value: 'fr', count: 2 })];
    const page = Object.freeze({ title: 'A', values });
    const s = shape('title', 'values');
    expect(objectText(schema, s, page)).toBe('{"title":"A","values":[{"value":"fr","n":2}]}');
    values.push(Object.freeze({ value: 'en', count: 1 }));
    expect(objectText(schema, s, page)).toBe('{"title":"A","values":[{"value":"fr","n":2},{"value":"en","n":1}]}');
    const at = new Date('2026-01-01T00:00:00.000Z');
    const dated = Object.freeze({ title: 'B', at, values: Object.freeze([]) });
    const d = shape('at');
    expect(objectText(schema, d, dated)).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
    at.setTime(Date.parse('2027-01-01T00:00:00.000Z'));
    expect(objectText(schema, d, dated)).toBe('{"at":"2027-01-01T00:00:00.000Z"}');
    const open = { title: 'C', values: [] as unknown[] };
    const o = shape('title');
    expect(objectText(schema, o, open)).toBe('{"title":"C"}');
    open.title = 'D';
    expect(objectText(schema, o, open)).toBe('{"title":"D"}');
  });

  it('never remembers a getter, frozen or not', () => {
    let title = 'E';
    const page = Object.freeze({
      get title() {
        return title;
      },
      values: Object.freeze([]),
    });
    const s = shape('title');
    expect(objectText(schema, s, page)).toBe('{"title":"E"}');
    title = 'F';
    expect(objectText(schema, s, page)).toBe('{"title":"F"}');
  });

  it('still refuses what graphql-js would refuse (null where the type says non-null)', () => {
    expect(objectText(schema, shape('values'), Object.freeze({ values: null }))).toBeNull();
  });
});
