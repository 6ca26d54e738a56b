import { Injectable } from '@nestjs/common';
import { BadInputError } from '@baton/core';
import { DataSource } from 'typeorm';
import { canonicalTimeZone } from './time-zone';

/**
 * Zones are computed in two places: luxon (the rule engine, shift patterns) and PostgreSQL
 * (`AT TIME ZONE` in coverage and replacement queries). A zone one of them does not know would
 * fail later, on every such query, so both are asked before a zone is stored.
 */
@Injectable()
export class TimeZoneChecker {
  constructor(private readonly dataSource: DataSource) {}

  /** Call before opening the transaction: a refused zone must not abort it. */
  async canonical(value: unknown, field = 'timeZone'): Promise<string> {
    const zone = canonicalTimeZone(value, field);
    try {
      await this.dataSource.query(`SELECT now() AT TIME ZONE $1`, [zone]);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '22023') {
        throw BadInputError.field(field, `${zone} is not known to the database's time zone data`, 'timeZone');
      }
      throw error;
    }
    return zone;
  }
}
