import { Injectable } from '@nestjs/common';
import type { Actor } from '@baton/auth';
import type { RequestedFields, ResponseShape, SqlParams } from '@baton/graphql';
import type { ShiftObject } from '../dto/shift.dto';

/**
 * A field other libs add to Shift (rostering's `assignments`) that can be built inside the shift
 * list's one statement. Scheduling cannot import those libs, so they register here (a port).
 */
export interface ShiftFieldShaper {
  /** The Shift field, e.g. `assignments`; passThroughWhenShaped must be declared for it */
  field: string;
  /**
   * A JSON-valued SQL expression correlated to the shift row `s`, under the same rules as the
   * field's resolver; null when this selection cannot be shaped in SQL, and the resolver answers.
   */
  sql(requested: RequestedFields, params: SqlParams, actor: Actor): string | null;
  /** The rules decided per row in Node after the statement (who sees whom on this shift) */
  finish(shift: ShiftObject, value: unknown, actor: Actor): unknown;
  /**
   * The field as the JSON text of the answer itself (the client's keys, `shape`), correlated to
   * `s`, with `finish`'s rules inside the statement since no row reaches Node; null when it
   * cannot be written so, and the list takes its object path.
   */
  text?(shape: ResponseShape, params: SqlParams, actor: Actor): string | null;
}

@Injectable()
export class ShiftFieldShapers {
  private readonly shapers = new Map<string, ShiftFieldShaper>();

  register(shaper: ShiftFieldShaper): void {
    if (this.shapers.has(shaper.field)) throw new Error(`Shift.${shaper.field} has a shaper already`);
    this.shapers.set(shaper.field, shaper);
  }

  get(field: string): ShiftFieldShaper | undefined {
    return this.shapers.get(field);
  }
}
