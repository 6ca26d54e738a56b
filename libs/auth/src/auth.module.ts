import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { BatonConfig } from '@baton/config';
import { createSecretKey } from 'node:crypto';
import { AccessService } from './access.service';
import { AccessTokenVerifier } from './access-token.verifier';
import { ActorLoader } from './actor-loader';
import { BatonAuthGuard } from './auth.guard';
import { LoginThrottle } from './login-throttle';
import { PermissionSet } from './permission';
import { PermissionRegistry } from './permission-registry';
import { RequestBudgets } from './request-budgets';

/** Holds one lib's registration; a module of its own so each lib's set is registered once. */
@Module({})
class PermissionFeatureModule {}

@Global()
@Module({})
export class AuthModule {
  /** `actorLoader` comes from the domain lib that owns accounts; `imports` holds the module that provides it. */
  static forRoot(options: { actorLoader: Type<ActorLoader>; imports: DynamicModule['imports'] }): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        ...(options.imports ?? []),
        PassportModule,
        JwtModule.registerAsync({
          global: true,
          inject: [BatonConfig],
          useFactory: (config: BatonConfig) => ({
            secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
            // SessionService sets iat and exp itself from the injectable clock.
            signOptions: { algorithm: 'HS256' },
            verifyOptions: { algorithms: ['HS256'] },
          }),
        }),
      ],
      providers: [
        PermissionRegistry,
        { provide: ActorLoader, useExisting: options.actorLoader },
        AccessTokenVerifier,
        AccessService,
        RequestBudgets,
        LoginThrottle,
        { provide: APP_GUARD, useClass: BatonAuthGuard },
      ],
      exports: [AccessService, RequestBudgets, LoginThrottle, JwtModule, PermissionRegistry],
    };
  }

  /**
   * A lib's permissions and what each role gets of them, imported by that lib's module. The
   * registry (global, from forRoot) collects them while the app starts.
   */
  static forFeature(set: PermissionSet): DynamicModule {
    return {
      module: PermissionFeatureModule,
      providers: [
        {
          // Named after the owner: modules with equal metadata would otherwise be merged into one.
          provide: `baton:permissions:${set.owner}`,
          inject: [PermissionRegistry],
          useFactory: (registry: PermissionRegistry) => (registry.register(set), set),
        },
      ],
    };
  }
}
