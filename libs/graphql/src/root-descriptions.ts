import { GraphQLSchema } from 'graphql';

/** Nest gives no option to describe the root types; the schema is the API's documentation, so they are described here. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = [
    [schema.getQueryType(), 'Reads. Every one needs a sign-in and a permission (see each field); what you may see follows your grants'],
    [
      schema.getMutationType(),
      'Changes. Each runs in one transaction; changes to rosters, reference data and personal data leave an audit record; bad input is BAD_USER_INPUT naming the field and changes nothing',
    ],
    [schema.getSubscriptionType(), 'Live events over WebSocket (graphql-ws protocol) at /graphql, with the access token in connectionParams.Authorization'],
  ] as const;
  for (const [type, description] of roots) if (type) type.description = description;
  return schema;
}
