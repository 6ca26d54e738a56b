import { GraphQLError, ValueNode } from 'graphql';

/** How much of a refused value an error message repeats: enough to spot it, never a 10 MB echo. */
const ECHO_LENGTH = 40;

export function echo(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text === undefined ? String(value) : text.length > ECHO_LENGTH ? `${text.slice(0, ECHO_LENGTH)}…` : text);
}

/**
 * A scalar's refusal. The code and constraint travel with it: the error formatting names the
 * argument or variable path, whether the value came inline or in the variables.
 */
export function scalarInputError(message: string, constraint: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', constraint } });
}
