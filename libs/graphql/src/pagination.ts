import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { BadInputError } from '@baton/core';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The server-enforced ceiling on any page, whatever a client asks for. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: the endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string;
}

@ObjectType({ description: 'Where a page sits in its list (the Relay connection specification)' })
export class PageInfo {
  @Field({ description: 'True when more rows follow this page: ask again with `after: endCursor`' }) hasNextPage: boolean;
  @Field({
    description:
      'True when this page was asked for after a cursor, so rows come before it. Lists here page forwards only (`first`/`after`), as the Relay specification allows',
  })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of this page; null when the page is empty' }) startCursor: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of this page, to pass as `after` for the next one; null when the page is empty',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node` (edges, pageInfo, totalCount). */
export function Connection<T>(node: Type<T>, name = node.name.replace(/Object$/, '')): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor` })
  class EdgeType {
    @Field({ description: 'Opaque position of this row: pass it as `after` to get the rows that follow' }) cursor: string;
    @Field(() => node, { description: `The ${name} itself` }) node: T;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${name} rows (Relay connection), at most ${MAX_PAGE_SIZE} at a time` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of this page, in the order of the list' }) edges: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursors to ask for them' }) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Matches for the whole query, not just this page' }) totalCount: number;
  }
  return ConnectionType;
}

/** The opaque cursor of a row from its sort key values. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the typed error below
  }
  throw BadInputError.field('after', 'This cursor is not valid for this list', 'cursor');
}

export interface SortKey<E> {
  /** SQL expression, e.g. `e.starts_on`; the last key must be unique (usually the id). */
  column: string;
  value: (row: E) => unknown;
}

/**
 * Keyset pagination: the page after a cursor is found by comparing the sort keys, so page 500
 * costs the same as page 1 and rows inserted meanwhile never shift a page.
 */
export async function paginate<E extends ObjectLiteral, N>(
  query: SelectQueryBuilder<E>,
  args: PageArgs,
  keys: SortKey<E>[],
  map: (row: E) => N,
): Promise<ConnectionShape<N>> {
  const totalCount = await query.clone().getCount();
  const rows = await pageQuery(query, args, keys).getMany();
  return toConnection(rows, args, (row) => keys.map((k) => k.value(row)), map, totalCount);
}

/**
 * The page of a keyset-paginated list as a query (sorted, after the cursor, one row more than
 * the page to know whether more follow), for callers that build their own statement around it.
 */
export function pageQuery<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  args: PageArgs,
  keys: Array<Pick<SortKey<E>, 'column'>>,
): SelectQueryBuilder<E> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const page = query.clone();
  keys.forEach((key, i) => (i === 0 ? page.orderBy(key.column, 'ASC') : page.addOrderBy(key.column, 'ASC')));
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    page.andWhere(`(${keys.map((k) => k.column).join(', ')}) > (${keys.map((_, i) => `:cursor${i}`).join(', ')})`, params);
  }
  return page.limit(first + 1);
}

/** The connection of the rows `pageQuery` found; `cursorOf` gives the row's sort key values. */
export function toConnection<R, N>(rows: R[], args: PageArgs, cursorOf: (row: R) => unknown[], map: (row: R) => N, totalCount: number): ConnectionShape<N> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: map(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection with nothing in it (a list the caller has no rows in, known without a query). */
export function emptyConnection<N>(): ConnectionShape<N> {
  return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}
