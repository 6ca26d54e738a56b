import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { formatError } from './error-formatting';
import { httpStatusPlugin } from './http-status.plugin';
import { noStorePlugin } from './no-store.plugin';
import { guardedWsExecution, inputGuardPlugin } from './input/input-guard.plugin';
import { inputValuesRule } from './input/input-values.rule';
import { reportCostUnlessOversizedPage } from './input/page-size';
import { describeRootTypes } from './root-descriptions';
import { applyShapedPassThrough } from './shaped/pass-through';
import { serialisedFieldsPlugin, stringifyResult } from './shaped/serialised-fields';
import { GraphiqlController } from './graphiql.controller';
import { GraphqlExceptionFilter } from './graphql-exception.filter';
import { LoaderRegistryFactory } from './loader-registry';
import { MetricsPlugin } from './metrics.plugin';
import { singletonFieldsRule } from './singleton-fields.rule';
import { DateTimeScalar } from './scalars/date-time.scalar';
import { createValidationPipe } from './validation.pipe';

/** Mutations that hash a password: one per request, never batched (see singleton-fields.rule). */
export const SINGLETON_MUTATIONS = ['login', 'refreshToken', 'changePassword', 'resetPassword', 'acceptInvitation', 'requestPasswordReset'];

/** Tokens (names, punctuation, values) one document may hold. */
const MAX_TOKENS = 5000;

interface SubscriptionExtra {
  connectionParams?: Record<string, unknown>;
  request?: { socket?: { remoteAddress?: string } };
}

@Global()
@Module({ providers: [LoaderRegistryFactory, MetricsPlugin], exports: [LoaderRegistryFactory, MetricsPlugin] })
class GraphqlSupportModule {}

@Global()
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphqlSupportModule],
      inject: [BatonConfig, LoaderRegistryFactory, MetricsPlugin],
      useFactory: (config: BatonConfig, loaders: LoaderRegistryFactory, metrics: MetricsPlugin): ApolloDriverConfig => {
        const armor = new ApolloArmor({
          maxDepth: { n: config.graphql.maxDepth },
          maxAliases: { n: config.graphql.maxAliases },
          costLimit: { maxCost: config.graphql.maxCost, propagateOnRejection: false, onReject: [reportCostUnlessOversizedPage] },
          maxDirectives: { n: 20 },
          // Armor's token limit re-parses the document in a plugin, so a plain syntax error became a
          // 500; graphql-js's own limit (parseOptions below) reports it as GRAPHQL_PARSE_FAILED.
          maxTokens: { enabled: false },
          blockFieldSuggestion: { enabled: config.isProduction },
        }).protect();
        const hideSuggestions = config.isProduction;
        return {
          autoSchemaFile: true,
          sortSchema: true,
          // Every `Date` field and argument uses the strict RFC 3339 scalar instead of Nest's `new Date(value)`.
          buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
          transformSchema: (schema) => applyShapedPassThrough(describeRootTypes(schema)),
          path: '/graphql',
          graphiql: false,
          playground: false,
          introspection: config.graphql.introspection,
          includeStacktraceInErrorResponses: config.isDevelopment,
          allowBatchedHttpRequests: false,
          stringifyResult,
          // Armor and Nest resolve @apollo/server's CJS and ESM typings differently; the objects are the same.
          parseOptions: { maxTokens: MAX_TOKENS },
          plugins: [
            ...armor.plugins,
            metrics,
            inputGuardPlugin({ hideSuggestions }),
            httpStatusPlugin(),
            // Apollo's implicit cache-control plugin instruments every field of every request; see no-store.plugin.ts.
            ApolloServerPluginCacheControlDisabled(),
            noStorePlugin(),
            serialisedFieldsPlugin(),
          ] as unknown as ApolloDriverConfig['plugins'],
          validationRules: [...armor.validationRules, singletonFieldsRule(SINGLETON_MUTATIONS), inputValuesRule],
          formatError: formatError(config.isDevelopment),
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              ...guardedWsExecution({ hideSuggestions }),
              // The socket has no HTTP headers after the upgrade: the token travels in connectionParams.
              onConnect: (context: { connectionParams?: Record<string, unknown>; extra: unknown }) => {
                (context.extra as SubscriptionExtra).connectionParams = context.connectionParams ?? {};
                return true;
              },
            },
          },
          // Over HTTP on Fastify the context factory receives the Fastify request itself; over
          // graphql-ws it receives { connectionParams, extra }.
          context: (input: { req?: { user?: Actor }; extra?: SubscriptionExtra; connectionParams?: Record<string, unknown> } & Record<string, unknown>) => {
            let request: { user?: Actor; headers: Record<string, unknown>; ip?: string };
            if (input.extra) {
              const params = input.connectionParams ?? input.extra.connectionParams ?? {};
              const authorization = params.Authorization ?? params.authorization;
              request = { headers: { authorization }, ip: input.extra.request?.socket?.remoteAddress };
            } else {
              request = (input.req ?? input) as unknown as typeof request;
            }
            return { req: request, loaders: loaders.create(() => request.user) };
          },
        };
      },
    }),
  ],
  controllers: [GraphiqlController],
  providers: [
    { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
  exports: [],
})
export class BatonGraphqlModule {}
