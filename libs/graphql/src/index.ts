/** GraphQL platform: server setup, errors, pagination, DataLoader registry. */
export { BatonGraphqlModule, SINGLETON_MUTATIONS } from './graphql.module';
export {
  Connection,
  PageArgs,
  PageInfo,
  paginate,
  pageQuery,
  toConnection,
  emptyConnection,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type ConnectionShape,
  type SortKey,
} from './pagination';
export { LoaderRegistry, type LoaderFactory, groupInto, pickInto, loadVisible } from './loader-registry';
export { Loaders, type GraphqlContext } from './context';
export { toGraphQLError, fieldProblems } from './error-formatting';
export { singletonFieldsRule } from './singleton-fields.rule';
export { DateTimeScalar, DATE_TIME_MIN, DATE_TIME_MAX } from './scalars/date-time.scalar';
export { LocalDateScalar } from './scalars/local-date.scalar';
/** Big read screens shaped in one SQL statement: what was asked for, and fields passed through as shaped. */
export { requestedFields, onlyFields, type RequestedFields } from './shaped/requested-fields';
export { passThroughWhenShaped } from './shaped/pass-through';
/** A root field answered with JSON text serialised earlier (big answers many viewers share). */
export { serialisedField, SharedText, type SerialisedField } from './shaped/serialised-fields';
export { isoTimestamp, SqlParams } from './shaped/sql-json';
/** Big read screens written as JSON text by their statement: the answer's keys, and a connection's text around its nodes. */
export { responseShape, jsonObjectSql, type ResponseShape, type ResponseField } from './shaped/response-shape';
export { connectionText, connectionNodeShape, type TextRow } from './shaped/connection-text';
/** ID arguments: a UUID, or BAD_USER_INPUT naming the argument. */
export { ParseIdPipe } from './input/parse-id.pipe';
/** Inputs of hot reads validated once per distinct input. */
export { ValidatedOnce } from './input/validated-once';
/** An answer the resolver built as objects, written as the JSON text graphql-js would give (many small fields). */
export { objectText } from './shaped/object-text';
