import { parseTsQuery, positiveLexemes } from './tsquery';
import { similarity, trigrams, words } from './trigrams';
import { visitTsVector } from './tsvector';

describe('parseTsQuery', () => {
  it('reads what PostgreSQL prints, with its precedence: ! over <-> over & over |', () => {
    expect(parseTsQuery(`'network' & 'engin' | 'network' & 'engine'`)).toEqual({
      op: 'or',
      left: { op: 'and', left: { op: 'lexeme', lexeme: 'network', prefix: false }, right: { op: 'lexeme', lexeme: 'engin', prefix: false } },
      right: { op: 'and', left: { op: 'lexeme', lexeme: 'network', prefix: false }, right: { op: 'lexeme', lexeme: 'engine', prefix: false } },
    });
    expect(parseTsQuery(`( 'a' | 'b' ) & !'c'`)).toEqual({
      op: 'and',
      left: { op: 'or', left: { op: 'lexeme', lexeme: 'a', prefix: false }, right: { op: 'lexeme', lexeme: 'b', prefix: false } },
      right: { op: 'not', arg: { op: 'lexeme', lexeme: 'c', prefix: false } },
    });
    expect(parseTsQuery(`'a' <-> 'b' <2> 'c'`)?.op).toBe('phrase');
  });

  it('unquotes doubled quotes and backslashes, and reads prefix and weight marks', () => {
    expect(parseTsQuery(`'l''equipe'`)).toEqual({ op: 'lexeme', lexeme: "l'equipe", prefix: false });
    expect(parseTsQuery(`'a\\\\b'`)).toEqual({ op: 'lexeme', lexeme: 'a\\b', prefix: false });
    expect(parseTsQuery(`'netw':*AB`)).toEqual({ op: 'lexeme', lexeme: 'netw', prefix: true });
  });

  it('an empty query (only stop words) is null; garbage is refused', () => {
    expect(parseTsQuery('')).toBeNull();
    expect(() => parseTsQuery(`'a' &`)).toThrow();
    expect(() => parseTsQuery(`'a`)).toThrow();
  });

  it('positive lexemes leave out what is negated', () => {
    const q = parseTsQuery(`'a' & !'b' & ( 'c' | !'d' )`);
    expect(positiveLexemes(q).map((l) => (l.op === 'lexeme' ? l.lexeme : ''))).toEqual(['a', 'c']);
  });
});

describe('trigrams', () => {
  it('pads like pg_trgm and measures shared over all', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
    expect(similarity(trigrams('dubreil'), trigrams('dubreuil'))).toBeCloseTo(6 / 11, 10);
    expect(similarity(trigrams('abc'), trigrams('abc'))).toBe(1);
    expect(words('amélie  dubreuil, k8s/kubernetes')).toEqual(['amélie', 'dubreuil', 'k8s', 'kubernetes']);
  });
});

describe('visitTsVector', () => {
  it("reads PostgreSQL's tsvector text: best weight per lexeme, quotes and backslashes", () => {
    const seen: Array<[string, number]> = [];
    visitTsVector(`'a':1A,2C 'b''c':3 'd\\\\e':4B,5 'plain'`, (l, w) => seen.push([l, w]));
    expect(seen).toEqual([
      ['a', 3],
      ["b'c", 0],
      ['d\\e', 2],
      ['plain', 0],
    ]);
  });
});
