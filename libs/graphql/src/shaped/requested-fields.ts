import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * What a client asked for under one field: field name → what it asked under that field. Aliases
 * and fragments are merged (`a: x { p } b: x { q }` reads as `x { p q }`), so a statement built
 * from it fetches the union and graphql-js still answers each alias with its own fields.
 */
export type RequestedFields = ReadonlyMap<string, RequestedFields>;

const LEAF: RequestedFields = new Map();

/** The fields requested under the field being resolved. */
export function requestedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): RequestedFields {
  return merge(
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    info.fragments,
  );
}

function merge(sets: readonly SelectionSetNode[], fragments: GraphQLResolveInfo['fragments']): RequestedFields {
  const under = new Map<string, SelectionSetNode[]>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const sets = under.get(selection.name.value) ?? [];
        if (selection.selectionSet) sets.push(selection.selectionSet);
        under.set(selection.name.value, sets);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return new Map([...under].map(([name, sets]) => [name, sets.length ? merge(sets, fragments) : LEAF]));
}

/** Whether every field asked for is in `allowed` (`__typename` always is: graphql-js answers it). */
export function onlyFields(requested: RequestedFields, allowed: ReadonlySet<string>): boolean {
  for (const name of requested.keys()) if (name !== '__typename' && !allowed.has(name)) return false;
  return true;
}
