import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { BadInputError } from '@baton/core';

/** Any version, as ParseUUIDPipe without a version and as PostgreSQL's uuid type accept. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An ID argument that must be a UUID. Nest's ParseUUIDPipe answers "Validation failed (uuid is
 * expected)" without saying which argument; a client sending several ids needs the one at fault,
 * in the same `fields` shape every other bad input has.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && UUID.test(value)) return value;
    const field = metadata.data ?? 'id';
    throw BadInputError.field(field, `${field} must be an id (a UUID)`, 'uuid');
  }
}
