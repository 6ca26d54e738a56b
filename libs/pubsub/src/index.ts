/** Subscriptions fan-out: in-process, or Redis when several instances run. */
export { PubSubModule, PUB_SUB } from './pubsub.module';
export type { PubSubEngine } from 'graphql-subscriptions';
