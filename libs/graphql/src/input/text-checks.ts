/**
 * Text every string input must be: well-formed Unicode (no lone UTF-16 surrogate, which some
 * validators turn into a URIError and PostgreSQL's UTF-8 cannot hold) and free of NUL, which
 * PostgreSQL text refuses. Checked once for every argument, before any resolver or guard runs.
 */
export interface TextProblem {
  message: string;
  constraint: 'wellFormedUnicode' | 'noNulCharacter';
}

export function textProblem(value: string): TextProblem | undefined {
  // isWellFormed (ES2024) is in Node 20; the project's TypeScript lib stops at ES2023.
  if (!(value as unknown as { isWellFormed(): boolean }).isWellFormed()) {
    return { message: 'Text must be well-formed Unicode (it holds a lone UTF-16 surrogate)', constraint: 'wellFormedUnicode' };
  }
  if (value.includes('\u0000')) return { message: 'Text must not contain NUL (U+0000) characters', constraint: 'noNulCharacter' };
  return undefined;
}

/** Every string inside a JSON value (a variable), with its path. */
export function* stringsIn(value: unknown, path: Array<string | number> = []): Generator<[string, Array<string | number>]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}
