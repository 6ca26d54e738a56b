import { FieldProblem } from '@baton/core';
import { coerceInputValue, GraphQLError, GraphQLSchema, isInputType, isNonNullType, OperationDefinitionNode, typeFromAST } from 'graphql';
import { fieldPath } from './field-path';
import { stringsIn, textProblem } from './text-checks';

// graphql-js names the field of these two problems in the message only, with the object's path.
const FIELD_IN_MESSAGE = /^Field "([_A-Za-z][_0-9A-Za-z]*)" (of required type .* was not provided|is not defined by type)/;

/**
 * The variables of one operation, coerced as graphql-js will coerce them, but with each problem
 * named by its path (graphql-js keeps the path only inside its message). Then every string the
 * client sent is checked as text. Empty when the variables are fine.
 */
export function variableProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  hideSuggestions: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const inputs = variables ?? {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // Validation already refused an unknown or output type.
    if (!type || !isInputType(type)) continue;
    if (!Object.hasOwn(inputs, name)) {
      if (!definition.defaultValue && isNonNullType(type)) {
        problems.push({ field: fieldPath([name]), message: `Variable "$${name}" of required type "${type}" was not provided`, constraint: 'required' });
      }
      continue;
    }
    const value = inputs[name];
    if (value === null && isNonNullType(type)) {
      problems.push({ field: fieldPath([name]), message: `Variable "$${name}" of non-null type "${type}" must not be null`, constraint: 'nonNull' });
      continue;
    }
    coerceInputValue(
      value,
      type,
      (path, _invalid, error: GraphQLError) => {
        const named = FIELD_IN_MESSAGE.exec(error.message);
        const segments = [name, ...path, ...(named ? [named[1]] : [])];
        const constraint =
          typeof error.extensions?.constraint === 'string'
            ? error.extensions.constraint
            : named
              ? named[2].startsWith('of')
                ? 'required'
                : 'unknownField'
              : 'type';
        problems.push({ field: fieldPath(segments), message: error.message, constraint });
      },
      hideSuggestions,
    );
  }
  for (const [text, path] of stringsIn(inputs)) {
    const problem = textProblem(text);
    if (problem) problems.push({ field: fieldPath(path), ...problem });
  }
  return problems;
}
