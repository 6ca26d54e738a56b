import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * Some mutations are expensive on purpose (argon2id costs ~32 ms a hash). Aliasing one a
 * thousand times in one document would turn a single request into a CPU bomb, so each of these
 * may appear at most once per request, aliases and fragments included.
 */
export function singletonFieldsRule(fields: readonly string[]): ValidationRule {
  const guarded = new Set(fields);
  return (context: ValidationContext) => {
    const seen = new Map<string, number>();
    return {
      Field(node) {
        const parent = context.getParentType();
        if (!parent || parent !== context.getSchema().getMutationType()) return;
        const name = node.name.value;
        if (!guarded.has(name)) return;
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        if (count === 2) {
          context.reportError(
            new GraphQLError(`"${name}" may appear only once per request`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule: 'SINGLETON_FIELD', field: name },
            }),
          );
        }
      },
    };
  };
}
