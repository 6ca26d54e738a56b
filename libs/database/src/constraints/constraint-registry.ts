import type { BatonError } from '@baton/core';

export interface ConstraintMeaning {
  field?: string;
  message: string;
}

export type ConstraintTranslation = (violation: { constraint: string; code: string }) => BatonError;

/**
 * What one lib's constraints mean, declared by that lib's module (ConstraintsModule.forFeature):
 * `meanings` for any write that breaks them, `useCases` where one use case reads a constraint
 * differently (a full shift is a CAPACITY rule violation to `assign`, a bad headcount elsewhere).
 */
export interface ConstraintSet {
  owner: string;
  meanings?: Record<string, ConstraintMeaning>;
  useCases?: ReadonlyArray<{ useCase: string; constraints: readonly string[]; translate: ConstraintTranslation }>;
}

/**
 * One map from constraint names to what they mean. Declaring a constraint that another lib
 * already declared differently fails at startup: two libs cannot both own one constraint's meaning.
 */
export class ConstraintRegistry {
  private readonly meanings = new Map<string, { owner: string; meaning: ConstraintMeaning }>();
  private readonly translations = new Map<string, Map<string, { owner: string; translate: ConstraintTranslation }>>();

  declare(set: ConstraintSet): void {
    for (const [constraint, meaning] of Object.entries(set.meanings ?? {})) {
      const known = this.meanings.get(constraint);
      if (known && (known.owner !== set.owner || JSON.stringify(known.meaning) !== JSON.stringify(meaning))) {
        throw new Error(`Constraint ${constraint} is declared by ${known.owner} and again, differently, by ${set.owner}`);
      }
      this.meanings.set(constraint, { owner: set.owner, meaning });
    }
    for (const { useCase, constraints, translate } of set.useCases ?? []) {
      const byConstraint = this.translations.get(useCase) ?? new Map<string, { owner: string; translate: ConstraintTranslation }>();
      for (const constraint of constraints) {
        const known = byConstraint.get(constraint);
        if (known && known.owner !== set.owner) {
          throw new Error(`Constraint ${constraint} of use case ${useCase} is translated by ${known.owner} and again by ${set.owner}`);
        }
        byConstraint.set(constraint, { owner: set.owner, translate });
      }
      this.translations.set(useCase, byConstraint);
    }
  }

  meaningOf(constraint: string): ConstraintMeaning | undefined {
    return this.meanings.get(constraint)?.meaning;
  }

  translationFor(useCase: string, constraint: string): ConstraintTranslation | undefined {
    return this.translations.get(useCase)?.get(constraint)?.translate;
  }
}

/**
 * The process's registry. Errors are mapped outside Nest's injector (the GraphQL error formatter,
 * raw HTTP replies), so they read this instance; only ConstraintsModule writes to it.
 */
export const constraintRegistry = new ConstraintRegistry();
