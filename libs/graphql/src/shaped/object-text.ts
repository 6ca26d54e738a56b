import { GraphQLOutputType, GraphQLSchema, isLeafType, isListType, isNonNullType, isObjectType } from 'graphql';
import type { ResponseShape } from './response-shape';

/** A value's JSON text, or null when graphql-js could answer it otherwise (an error, a resolver of its own). */
type Writer = (value: unknown) => string | null;

const writers = new WeakMap<GraphQLSchema, WeakMap<ResponseShape, Writer | null>>();

/**
 * Set while a value is written when some part of it could change later: an object or list that is
 * not frozen, or a leaf that is an object (a Date can be set again). Only what was written without
 * it is remembered.
 */
let changeable = false;

/**
 * An object the resolver already built, as the JSON text graphql-js would write for it under
 * `shape`: the same keys in the same order, each leaf through its type's own `serialize`. For
 * answers of many small fields (a search page with its facets) where graphql-js walking them
 * costs more than the request's real work. Null (take the object path) when any field asked
 * for has a resolver of its own (a @ResolveField, a loader), or a value graphql-js would refuse
 * (null where the type says non-null, a value its scalar cannot serialise): the errors, and
 * whatever those resolvers decide, stay graphql-js's.
 */
export function objectText(schema: GraphQLSchema, shape: ResponseShape, value: unknown): string | null {
  let bySchema = writers.get(schema);
  if (!bySchema) writers.set(schema, (bySchema = new WeakMap()));
  let writer = bySchema.get(shape);
  if (writer === undefined) {
    const type = schema.getType(shape.typeName);
    writer = type && isObjectType(type) ? typeWriter(type, shape) : null;
    bySchema.set(shape, writer);
  }
  if (!writer) return null;
  const outer = changeable;
  try {
    return writer(value);
  } finally {
    changeable = outer;
  }
}

/**
 * A frozen value's text, written once per writer: a frozen object or list cannot change, and
 * its parts are remembered with it only when they are frozen too (checked as it is written), so a
 * text served again is the text writing it again would give. For answers shared between requests
 * (a search engine's remembered page and facets, profile rows kept while unchanged).
 */
function remembering(write: (v: object) => string | null): (v: object) => string | null {
  const texts = new WeakMap<object, string>();
  return (v) => {
    const frozen = Object.isFrozen(v) && isPlain(v);
    if (frozen) {
      const known = texts.get(v);
      if (known !== undefined) return known;
    }
    const outer = changeable;
    changeable = false;
    const text = write(v);
    if (frozen && !changeable && text !== null && !hasAccessors(v)) texts.set(v, text);
    changeable = outer || changeable || !frozen;
    return text;
  };
}

/** An array or an object literal: a class instance may read its fields through getters, frozen or not. */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return Array.isArray(v) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/** A getter may answer differently each time, even on a frozen object. */
function hasAccessors(v: object): boolean {
  return Object.values(Object.getOwnPropertyDescriptors(v)).some((d) => d.get || d.set);
}

function typeWriter(type: GraphQLOutputType, shape: ResponseShape | null): Writer | null {
  if (isNonNullType(type)) {
    const inner = typeWriter(type.ofType, shape);
    return inner && ((v) => (v === null || v === undefined ? null : inner(v)));
  }
  const inner = nullableWriter(type, shape);
  return inner && ((v) => (v === null || v === undefined ? 'null' : inner(v)));
}

function nullableWriter(type: GraphQLOutputType, shape: ResponseShape | null): Writer | null {
  if (isListType(type)) {
    const item = typeWriter(type.ofType, shape);
    if (!item) return null;
    const list = remembering((v) => {
      if (!Array.isArray(v)) return null;
      let out = '[';
      for (let i = 0; i < v.length; i++) {
        const text = item(v[i]);
        if (text === null) return null;
        out += i ? `,${text}` : text;
      }
      return `${out}]`;
    });
    return (v) => (typeof v === 'object' && v !== null ? list(v) : null);
  }
  if (isLeafType(type)) {
    if (shape) return null;
    return (v) => {
      if (typeof v === 'object' && v !== null) changeable = true;
      try {
        const serialised = type.serialize(v);
        return serialised === null || serialised === undefined ? null : JSON.stringify(serialised);
      } catch {
        return null;
      }
    };
  }
  if (!isObjectType(type) || !shape || shape.typeName !== type.name) return null;
  const defs = type.getFields();
  const parts: Array<{ prefix: string; name: string; write: Writer | null }> = [];
  for (const [i, field] of shape.fields.entries()) {
    const prefix = `${i ? ',' : '{'}${JSON.stringify(field.key)}:`;
    if (field.name === '__typename') {
      parts.push({ prefix: prefix + JSON.stringify(type.name), name: field.name, write: null });
      continue;
    }
    const def = defs[field.name];
    // graphql-js's default reads the property; Nest's rootFieldResolver does the same for a plain @Field.
    if (!def || (def.resolve && def.resolve.name !== 'rootFieldResolver')) return null;
    const write = typeWriter(def.type, field.shape);
    if (!write) return null;
    parts.push({ prefix, name: field.name, write });
  }
  const object = remembering((v) => {
    const source = v as Record<string, unknown>;
    let out = '';
    for (const part of parts) {
      if (!part.write) {
        out += part.prefix;
        continue;
      }
      const value = source[part.name];
      // Undefined may mean a default value, and a function is called by graphql-js's default resolver.
      if (value === undefined || typeof value === 'function') return null;
      const text = part.write(value);
      if (text === null) return null;
      out += part.prefix + text;
    }
    return parts.length ? `${out}}` : '{}';
  });
  return (v) => (typeof v === 'object' && v !== null ? object(v) : null);
}
