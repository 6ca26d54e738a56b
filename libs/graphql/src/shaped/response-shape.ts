import {
  FieldNode,
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLResolveInfo,
  isEnumType,
  isLeafType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

/** One key of the answer: the alias (or the field name), the field, and what was asked under it. */
export interface ResponseField {
  readonly key: string;
  readonly name: string;
  /** Null for a leaf (a scalar, an enum, `__typename`) */
  readonly shape: ResponseShape | null;
}

/** The keys of one object of the answer, in the order graphql-js writes them. */
export interface ResponseShape {
  readonly typeName: string;
  readonly fields: readonly ResponseField[];
}

// Scalars whose JSON is the value itself; DateTime's is the UTC text isoTimestamp writes.
const TRANSPARENT_SCALARS = new Set(['String', 'ID', 'Int', 'Float', 'Boolean', 'DateTime']);
const cache = new WeakMap<FieldNode, ResponseShape | null>();

/**
 * Whether a leaf's resolver only reads the parent's property: graphql-js's default, or the one
 * Nest gives every @Field without middleware (its `rootFieldResolver`). A @ResolveField's
 * resolver is anything else; so is a Nest that renames its own, and then nothing is written as
 * text (the shaped e2e tests check that the rosters are).
 */
const readsProperty = (resolve: GraphQLField<unknown, unknown>['resolve']) => !resolve || resolve.name === 'rootFieldResolver';

/**
 * The answer's keys under the field being resolved, for a statement that writes that answer as
 * JSON text itself (graphql-js then never walks it). Merged as graphql-js merges them (first
 * appearance decides the order, fragments spread in place). Null when the text could differ from
 * what graphql-js would write: directives (@skip, @include), arguments below the field, abstract
 * types or fragments on another type, a leaf with its own resolver, an enum whose names are not its
 * values, or a scalar other than the plain ones. The caller then takes its object path.
 */
export function responseShape(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'returnType'>): ResponseShape | null {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  if (node && cache.has(node)) return cache.get(node) ?? null;
  const type = getNamedType(info.returnType);
  const sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const shape = isObjectType(type) ? shapeOf(type, sets, info.fragments) : null;
  // A document is parsed once and cached by Apollo: its nodes are the same on every request.
  if (node) cache.set(node, shape);
  return shape;
}

function shapeOf(type: GraphQLObjectType, sets: readonly SelectionSetNode[], fragments: GraphQLResolveInfo['fragments']): ResponseShape | null {
  const groups = new Map<string, FieldNode[]>();
  const collect = (set: SelectionSetNode): boolean => {
    for (const selection of set.selections) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        groups.set(key, [...(groups.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) return false;
        if (!collect(selection.selectionSet)) return false;
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment || fragment.directives?.length || fragment.typeCondition.name.value !== type.name) return false;
        if (!collect(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  if (!sets.every(collect)) return null;
  const fields: ResponseField[] = [];
  for (const [key, nodes] of groups) {
    const name = nodes[0].name.value;
    if (nodes.some((n) => n.name.value !== name || n.arguments?.length)) return null;
    if (name === '__typename') {
      fields.push({ key, name, shape: null });
      continue;
    }
    const field = type.getFields()[name];
    if (!field || field.args.length) return null;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      if (!readsProperty(field.resolve)) return null;
      if (isEnumType(named) ? !named.getValues().every((v) => v.value === v.name) : !TRANSPARENT_SCALARS.has(named.name)) return null;
      fields.push({ key, name, shape: null });
    } else {
      if (!isObjectType(named)) return null;
      const shape = shapeOf(
        named,
        nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
        fragments,
      );
      if (!shape) return null;
      fields.push({ key, name, shape });
    }
  }
  return { typeName: type.name, fields };
}

/** A name as the lexer admits it: safe inside a SQL string literal as it is. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
// json_build_object takes at most 100 arguments.
const MAX_PAIRS = 50;

/**
 * `json_build_object(…)` with the shape's keys in order; `column` gives the SQL of each field
 * (`__typename` is written here), null when that field cannot be written in SQL, and then the
 * whole object cannot be either.
 */
export function jsonObjectSql(shape: ResponseShape, column: (field: ResponseField) => string | null): string | null {
  if (shape.fields.length > MAX_PAIRS || !NAME.test(shape.typeName)) return null;
  const pairs: string[] = [];
  for (const field of shape.fields) {
    if (!NAME.test(field.key)) return null;
    const sql = field.name === '__typename' ? `'${shape.typeName}'` : column(field);
    if (sql === null) return null;
    pairs.push(`'${field.key}', ${sql}`);
  }
  return `json_build_object(${pairs.join(', ')})`;
}
