import { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PERMISSIONS_KEY, PUBLIC_KEY } from '@baton/auth';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

/** Every root operation the app serves, with what it declares: PUBLIC, a permission list, or NONE. */
export function declaredOperations(app: INestApplication): Record<string, string> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const operations: Record<string, string> = {};
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[method];
      const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
      if (!type || !['Query', 'Mutation', 'Subscription'].includes(type)) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
      const targets = [handler, wrapper.metatype];
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
      const permissions = reflector.getAllAndOverride<string[]>(PERMISSIONS_KEY, targets);
      operations[`${type}.${name}`] = isPublic ? 'PUBLIC' : permissions?.length ? permissions.join(' | ') : 'NONE';
    }
  }
  return Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b)));
}
