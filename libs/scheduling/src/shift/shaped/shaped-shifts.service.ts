import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import {
  connectionNodeShape,
  connectionText,
  ConnectionShape,
  emptyConnection,
  isoTimestamp,
  PageArgs,
  pageQuery,
  RequestedFields,
  requestedFields,
  responseShape,
  ResponseShape,
  SerialisedField,
  SqlParams,
  toConnection,
} from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PreparedReads } from '@baton/database';
import { DataSource } from 'typeorm';
import { ShiftFilterInput, ShiftObject } from '../dto/shift.dto';
import { SHIFT_ORDER, ShiftQueryService } from '../shift-query.service';
import { ShiftFieldShaper, ShiftFieldShapers } from './shift-field-shapers';
import { SHIFT_COLUMNS, shiftText } from './shift-json';

/** Every column of ShiftObject, as toShiftObject maps them (the fields the normal path gives). */
const SHIFT_JSON = SHIFT_COLUMNS.map(([name, sql]) => `'${name}', ${sql}`).join(', ');

const LEAF: RequestedFields = new Map();

/**
 * `shifts` for the big roster screens: the page and what was asked under it (assignments, their
 * people, their skills) built as JSON by PostgreSQL in one statement (two with totalCount), so
 * graphql-js passes objects through instead of resolving each field through a DataLoader.
 * The shift rows come from the same filtered query as the normal path (same visibility rules);
 * fields with their own resolvers that are not shaped (venue, team, requiredSkills…) still run
 * them, from the ids every shaped shift carries.
 */
@Injectable()
export class ShapedShiftsService {
  /** Off: every list takes the DataLoader path (the comparison tests, or an operator in doubt). */
  enabled = true;
  /** Off: shaped lists come as objects graphql-js completes, never as text (the comparison tests). */
  writeText = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ShiftQueryService,
    private readonly shapers: ShiftFieldShapers,
    private readonly prepared: PreparedReads,
  ) {}

  /**
   * With `field` (an HTTP request), a selection SQL can write whole is answered as the JSON text
   * of the statement itself: graphql-js completes an empty stand-in and the text replaces it
   * when the response is written, so the thousands of fields of a roster page are never walked.
   */
  async list(
    actor: Actor,
    eventId: string,
    filter: ShiftFilterInput,
    page: PageArgs,
    info: GraphQLResolveInfo,
    field: SerialisedField | null,
  ): Promise<ConnectionShape<ShiftObject>> {
    if (!this.enabled) return this.queries.list(actor, eventId, filter, page);
    const shape = field && this.writeText ? responseShape(info) : null;
    const text = shape && (await this.text(actor, eventId, filter, page, shape));
    if (field && text) {
      field.replay(text);
      return emptyConnection();
    }
    return this.objects(actor, eventId, filter, page, requestedFields(info));
  }

  private async text(actor: Actor, eventId: string, filter: ShiftFilterInput, page: PageArgs, shape: ResponseShape): Promise<string | null> {
    const nodeShape = connectionNodeShape(shape, 'Shift');
    if (!nodeShape) return null;
    const query = this.queries.filtered(actor, eventId, filter);
    const [pageSql, pageParams] = pageQuery(query, page, SHIFT_ORDER).select('s.id', 'id').getQueryAndParameters();
    const params = new SqlParams([...pageParams]);
    const node = shiftText(nodeShape, (field, under) => this.shapers.get(field.name)?.text?.(under, params, actor) ?? null);
    if (!node) return null;
    // Boards refresh every few seconds: the statement is planned once per connection.
    const rows = await this.prepared.query<{ startsAt: string; id: string; node: string }[]>(
      `WITH page AS (${pageSql})
       SELECT ${isoTimestamp('s.starts_at')} AS "startsAt", s.id, ${node}::text AS node
         FROM page JOIN shifts s ON s.id = page.id
        ORDER BY s.starts_at, s.id`,
      params.values,
    );
    const totalCount = shape.fields.some((f) => f.name === 'totalCount') ? await query.getCount() : 0;
    return connectionText(
      shape,
      rows.map((row) => ({ cursor: [row.startsAt, row.id], node: row.node })),
      page,
      totalCount,
    );
  }

  private async objects(
    actor: Actor,
    eventId: string,
    filter: ShiftFilterInput,
    page: PageArgs,
    requested: RequestedFields,
  ): Promise<ConnectionShape<ShiftObject>> {
    const query = this.queries.filtered(actor, eventId, filter);
    const [pageSql, pageParams] = pageQuery(query, page, SHIFT_ORDER).select('s.id', 'id').getQueryAndParameters();
    const params = new SqlParams([...pageParams]);
    const node = requested.get('edges')?.get('node') ?? LEAF;
    const shaped: ShiftFieldShaper[] = [];
    let extra = '';
    for (const [field, under] of node) {
      const shaper = this.shapers.get(field);
      const sql = shaper?.sql(under, params, actor);
      if (!shaper || !sql) continue;
      extra += `, '${field}', ${sql}`;
      shaped.push(shaper);
    }
    const rows = await this.dataSource.query<{ row: ShiftObject & Record<string, unknown> }[]>(
      `WITH page AS (${pageSql})
       SELECT json_build_object(${SHIFT_JSON}${extra}) AS row
         FROM page JOIN shifts s ON s.id = page.id
        ORDER BY s.starts_at, s.id`,
      params.values,
    );
    // Asked for or not, the count is a second statement; it is never read when not asked for.
    const totalCount = requested.has('totalCount') ? await query.getCount() : 0;
    const shifts = rows.map(({ row }) => {
      for (const shaper of shaped) row[shaper.field] = shaper.finish(row, row[shaper.field], actor);
      return row;
    });
    return toConnection(
      shifts,
      page,
      (s) => [s.startsAt, s.id],
      (s) => s,
      totalCount,
    );
  }
}
