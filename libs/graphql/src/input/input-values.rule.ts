import { ASTNode, ASTVisitor, GraphQLError, Kind, ValidationContext, ValidationRule, ValueNode } from 'graphql';
import { fieldPath } from './field-path';
import { isOversizedPage, oversizedPageError } from './page-size';
import { textProblem } from './text-checks';

/** The argument path of each literal value in a document, for naming the field of its errors. */
const PATHS = new WeakMap<ASTNode, string>();

/** The argument path of an inline value (or object field) a validation error points at. */
export function inputPathOf(node: ASTNode | undefined): string | undefined {
  return node ? PATHS.get(node) : undefined;
}

function record(node: ValueNode, segments: Array<string | number>, context: ValidationContext): void {
  PATHS.set(node, fieldPath(segments));
  if (node.kind === Kind.STRING) {
    const problem = textProblem(node.value);
    if (problem) {
      context.reportError(new GraphQLError(problem.message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', constraint: problem.constraint } }));
    }
  } else if (node.kind === Kind.LIST) {
    node.values.forEach((item, i) => record(item, [...segments, i], context));
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      PATHS.set(field, fieldPath([...segments, field.name.value]));
      record(field.value, [...segments, field.name.value], context);
    }
  }
}

/**
 * Walks every inline argument value (and variable default): remembers where each value sits, so
 * a scalar's refusal reported by graphql-js's own rules can name `input.startsAt` rather than
 * only a line and column, and refuses text that is not well-formed (NUL passes graphql-js's
 * lexer when escaped as \u0000; lone surrogates do not), and a page larger than any Baton serves.
 */
export const inputValuesRule: ValidationRule = (context): ASTVisitor => ({
  Argument(node) {
    record(node.value, [node.name.value], context);
    if (isOversizedPage(node)) context.reportError(oversizedPageError(node));
  },
  VariableDefinition(node) {
    if (node.defaultValue) record(node.defaultValue, [node.variable.name.value], context);
  },
});
