import { ArgumentNode, ASTNode, BREAK, GraphQLError, Kind, ValidationContext, visit } from 'graphql';
import { MAX_PAGE_SIZE } from '../pagination';

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/** `first: 100000` written inline: no page of Baton's is that large, whatever the field. */
export function isOversizedPage(node: ArgumentNode): boolean {
  return PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.INT && Number(node.value.value) > MAX_PAGE_SIZE;
}

export function oversizedPageError(node: ArgumentNode): GraphQLError {
  return new GraphQLError(`${node.name.value} must not be greater than ${MAX_PAGE_SIZE}`, { nodes: node.value, extensions: { constraint: 'max' } });
}

function hasOversizedPage(document: ASTNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (!isOversizedPage(node)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * graphql-armor's cost limit multiplies a field's cost by an inline `first`, so `first: 100000`
 * was refused as "Query Cost limit exceeded" with no field named, while the same value in a
 * variable got the page's own "first must not be greater than 200". The page size is the fault
 * to report: inputValuesRule names it, and the cost error is left out for that document. Any
 * other cost overrun is reported as armor reports it.
 */
export function reportCostUnlessOversizedPage(context: ValidationContext | null, error: GraphQLError): void {
  if (!context || hasOversizedPage(context.getDocument())) return;
  context.reportError(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }));
}
