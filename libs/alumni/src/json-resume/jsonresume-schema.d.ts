/** @jsonresume/schema 1.3.1 ships no typings; this is the part Baton uses. */
declare module '@jsonresume/schema' {
  export interface SchemaError {
    property: string;
    message: string;
  }
  export function validate(resume: unknown, callback: (errors: SchemaError[] | null, valid: boolean) => void): void;
  export const schema: Record<string, unknown>;
}
