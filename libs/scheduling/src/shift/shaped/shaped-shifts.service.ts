import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { ConnectionShape, PageArgs, pageQuery, RequestedFields, SqlParams, toConnection } from '@baton/graphql';
import { DataSource } from 'typeorm';
import { ShiftFilterInput, ShiftObject } from '../dto/shift.dto';
import { SHIFT_ORDER, ShiftQueryService } from '../shift-query.service';
import { ShiftFieldShaper, ShiftFieldShapers } from './shift-field-shapers';
import { SHIFT_COLUMNS } from './shift-json';

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ShiftQueryService,
    private readonly shapers: ShiftFieldShapers,
  ) {}

  async list(actor: Actor, eventId: string, filter: ShiftFilterInput, page: PageArgs, requested: RequestedFields): Promise<ConnectionShape<ShiftObject>> {
    if (!this.enabled) return this.queries.list(actor, eventId, filter, page);
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
