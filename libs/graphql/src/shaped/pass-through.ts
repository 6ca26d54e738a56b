import { GraphQLSchema, isObjectType } from 'graphql';

const fields = new Map<string, Set<string>>();

/**
 * Declares a field whose value may arrive already shaped by one SQL statement (a big read screen
 * built as JSON in PostgreSQL): when the parent object carries the field as its own property,
 * that value is the answer; otherwise the field's resolver runs as usual (DataLoader path).
 * Called at import time, beside the resolver whose field it is; applied once when the schema is built.
 *
 * Why not a check inside the Nest resolver: Nest wraps every @ResolveField in an async handler
 * with parameter decorators, which costs more than the field itself when a roster page has
 * thousands of them. The shaped objects' own properties make the check safe: the mappers of the
 * normal path never set these keys.
 */
export function passThroughWhenShaped(typeName: string, fieldName: string): void {
  const names = fields.get(typeName) ?? new Set<string>();
  names.add(fieldName);
  fields.set(typeName, names);
}

/** The schema transform (graphql.module.ts): wraps the declared fields' resolvers. */
export function applyShapedPassThrough(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, names] of fields) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`passThroughWhenShaped: no object type ${typeName} in the schema`);
    const typeFields = type.getFields();
    for (const name of names) {
      const field = typeFields[name];
      if (!field?.resolve) throw new Error(`passThroughWhenShaped: ${typeName}.${name} has no resolver to pass by`);
      const resolve = field.resolve;
      field.resolve = (source: Record<string, unknown>, args, context, info) =>
        Object.prototype.hasOwnProperty.call(source, name) ? source[name] : resolve(source, args, context, info);
    }
  }
  return schema;
}
