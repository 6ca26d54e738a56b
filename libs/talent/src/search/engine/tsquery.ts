/**
 * PostgreSQL's tsquery text (what `websearch_to_tsquery(...)::text` prints) as a tree, so the
 * engine evaluates the very query PostgreSQL parsed and stemmed: English and French stemming,
 * stop words and the web-search syntax stay PostgreSQL's.
 */
export type TsQuery =
  { op: 'lexeme'; lexeme: string; prefix: boolean } | { op: 'not'; arg: TsQuery } | { op: 'and' | 'or' | 'phrase'; left: TsQuery; right: TsQuery };

export function parseTsQuery(text: string): TsQuery | null {
  let i = 0;
  const skip = () => {
    while (i < text.length && text[i] === ' ') i++;
  };
  const fail = (what: string): never => {
    throw new Error(`tsquery: ${what} at ${i} in ${JSON.stringify(text)}`);
  };
  const lexeme = (): TsQuery => {
    if (text[i] !== "'") fail('a quoted lexeme expected');
    i++;
    let value = '';
    for (;;) {
      if (i >= text.length) fail('an unterminated lexeme');
      const c = text[i];
      if (c === '\\') {
        value += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        if (text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        value += c;
        i++;
      }
    }
    let prefix = false;
    if (text[i] === ':') {
      i++;
      while (i < text.length && /[*A-Da-d]/.test(text[i])) {
        if (text[i] === '*') prefix = true;
        i++;
      }
    }
    return { op: 'lexeme', lexeme: value, prefix };
  };
  const unary = (): TsQuery => {
    skip();
    if (text[i] === '!') {
      i++;
      return { op: 'not', arg: unary() };
    }
    if (text[i] === '(') {
      i++;
      const inner = or();
      skip();
      if (text[i] !== ')') fail('")" expected');
      i++;
      return inner;
    }
    return lexeme();
  };
  const phrase = (): TsQuery => {
    let left = unary();
    for (;;) {
      skip();
      const m = /^<(-|\d+)>/.exec(text.slice(i));
      if (!m) return left;
      i += m[0].length;
      left = { op: 'phrase', left, right: unary() };
    }
  };
  const and = (): TsQuery => {
    let left = phrase();
    for (;;) {
      skip();
      if (text[i] !== '&') return left;
      i++;
      left = { op: 'and', left, right: phrase() };
    }
  };
  const or = (): TsQuery => {
    let left = and();
    for (;;) {
      skip();
      if (text[i] !== '|') return left;
      i++;
      left = { op: 'or', left, right: and() };
    }
  };
  skip();
  if (i >= text.length) return null;
  const tree = or();
  skip();
  if (i < text.length) fail('end expected');
  return tree;
}

/** The lexemes that make a document match (not under a NOT): what the rank counts. */
export function positiveLexemes(query: TsQuery | null): TsQuery[] {
  if (!query) return [];
  switch (query.op) {
    case 'lexeme':
      return [query];
    case 'not':
      return [];
    default:
      return [...positiveLexemes(query.left), ...positiveLexemes(query.right)];
  }
}
