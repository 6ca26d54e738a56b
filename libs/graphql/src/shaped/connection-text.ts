import { DEFAULT_PAGE_SIZE, encodeCursor, PageArgs, PageInfo } from '../pagination';
import type { ResponseShape } from './response-shape';

/** One row `pageQuery` found: its sort key values (the cursor) and its node's JSON text. */
export interface TextRow {
  cursor: unknown[];
  node: string;
}

/**
 * What the client asked under the connection's nodes: the node text each row must carry. Null
 * when two keys ask for nodes (`a: node { … } b: node { … }`), which one text cannot answer.
 */
export function connectionNodeShape(shape: ResponseShape, nodeTypeName: string): ResponseShape | null {
  const nodes = shape.fields.filter((f) => f.name === 'edges').flatMap((edges) => edges.shape?.fields.filter((f) => f.name === 'node') ?? []);
  if (nodes.length > 1) return null;
  return nodes[0]?.shape ?? { typeName: nodeTypeName, fields: [] };
}

/**
 * A connection's JSON text from its rows' node texts, written in the order and under the keys
 * the client asked for, as toConnection and graphql-js would give it. Null when the shape asks
 * for something a connection does not have.
 */
export function connectionText(shape: ResponseShape, rows: readonly TextRow[], args: PageArgs, totalCount: number): string | null {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const page = rows.slice(0, first);
  const cursors = page.map((row) => JSON.stringify(encodeCursor(row.cursor)));
  const info: PageInfo = {
    hasNextPage: rows.length > first,
    hasPreviousPage: !!args.after,
    startCursor: page.length ? encodeCursor(page[0].cursor) : null,
    endCursor: page.length ? encodeCursor(page[page.length - 1].cursor) : null,
  };
  const parts: string[] = [];
  for (const field of shape.fields) {
    let value: string | null = null;
    if (field.name === '__typename') value = JSON.stringify(shape.typeName);
    else if (field.name === 'totalCount') value = String(totalCount);
    else if (field.name === 'pageInfo' && field.shape) value = objectText(field.shape, (name) => (name in info ? info[name as keyof PageInfo] : undefined));
    else if (field.name === 'edges' && field.shape) value = edgesText(field.shape, page, cursors);
    if (value === null) return null;
    parts.push(`${JSON.stringify(field.key)}:${value}`);
  }
  return `{${parts.join(',')}}`;
}

function edgesText(shape: ResponseShape, page: readonly TextRow[], cursors: readonly string[]): string | null {
  const edges: string[] = [];
  for (let i = 0; i < page.length; i++) {
    const parts: string[] = [];
    for (const field of shape.fields) {
      if (field.name === 'node') parts.push(`${JSON.stringify(field.key)}:${page[i].node}`);
      else if (field.name === 'cursor') parts.push(`${JSON.stringify(field.key)}:${cursors[i]}`);
      else if (field.name === '__typename') parts.push(`${JSON.stringify(field.key)}:${JSON.stringify(shape.typeName)}`);
      else return null;
    }
    edges.push(`{${parts.join(',')}}`);
  }
  return `[${edges.join(',')}]`;
}

function objectText(shape: ResponseShape, valueOf: (name: string) => unknown): string | null {
  const parts: string[] = [];
  for (const field of shape.fields) {
    const value = field.name === '__typename' ? shape.typeName : valueOf(field.name);
    if (value === undefined || field.shape) return null;
    parts.push(`${JSON.stringify(field.key)}:${JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}`;
}
