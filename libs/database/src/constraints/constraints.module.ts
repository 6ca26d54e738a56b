import { DynamicModule, Module } from '@nestjs/common';
import { constraintRegistry, ConstraintSet } from './constraint-registry';

/** Holds one lib's declaration; a module of its own so each lib's set is declared once. */
@Module({})
export class ConstraintsModule {
  /**
   * A lib's constraints and what they mean, imported by that lib's module: a constraint is
   * translated only in an app that composes the lib owning it, and importing a file declares nothing.
   */
  static forFeature(set: ConstraintSet): DynamicModule {
    return {
      module: ConstraintsModule,
      providers: [
        {
          // Named after the owner: modules with equal metadata would otherwise be merged into one.
          provide: `baton:constraints:${set.owner}`,
          useFactory: () => (constraintRegistry.declare(set), set),
        },
      ],
    };
  }
}
