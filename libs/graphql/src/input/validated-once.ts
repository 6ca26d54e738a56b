import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';

const opted = new WeakSet<object>();

/**
 * Marks an input or args class whose validated value may be shared by every request that sends
 * the same input: the validation pipe then runs class-transformer and class-validator once per
 * distinct input and hands out the same (frozen) instance afterwards. For the inputs of a hot
 * read (a search screen repeats a few filters) where the validation costs more than the search.
 * Only for classes whose fields are JSON values (strings, numbers, booleans, enums, lists and
 * nested inputs of them): the input's JSON text is its key, and a custom scalar (a Date) could
 * read the same as a string. Refused inputs are not remembered: each gets its own error.
 */
export function ValidatedOnce(): ClassDecorator {
  return (target) => {
    opted.add(target);
  };
}

/** Distinct inputs remembered per process; the oldest goes first. */
const MAX_ENTRIES = 1_000;

/** ValidationPipe, remembering the answers for the classes marked with @ValidatedOnce. */
export class RememberingValidationPipe extends ValidationPipe {
  private readonly validated = new Map<object, Map<string, Promise<unknown>>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    if (!metatype || !opted.has(metatype) || typeof value !== 'object' || value === null) return super.transform(value, metadata);
    const key = JSON.stringify(value);
    let byClass = this.validated.get(metatype);
    if (!byClass) this.validated.set(metatype, (byClass = new Map()));
    const known = byClass.get(key);
    if (known) return known;
    const answer = super.transform(value, metadata).then(deepFreeze);
    if (byClass.size >= MAX_ENTRIES) byClass.delete(byClass.keys().next().value!);
    byClass.set(key, answer);
    // A refusal is not kept; the caller gets it from the promise.
    answer.catch(() => byClass.get(key) === answer && byClass.delete(key));
    return answer;
  }
}

/** Shared by every later request with the same input: nothing may change it in place. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
