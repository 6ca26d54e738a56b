const WEIGHT_CLASS: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/**
 * Calls `visit` with each lexeme of a tsvector's text (`'lexeme':3A,7 'other':2B`) and its best
 * weight class (3 = A … 0 = D; a position without a letter is D). Inside quotes `''` is a quote
 * and a backslash escapes. A visitor rather than an array: 100k documents hold ~10M lexemes, and
 * a pair per lexeme was most of the garbage collector's work while loading.
 */
export function visitTsVector(text: string, visit: (lexeme: string, weight: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    i++;
    let lexeme = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return;
      if (c === '\\') {
        lexeme += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        let j = i;
        while (j < text.length && text[j] !== "'" && text[j] !== '\\') j++;
        lexeme += text.slice(i, j);
        i = j;
      }
    }
    let best = 0;
    if (text[i] === ':') {
      i++;
      while (i < text.length && text[i] !== ' ') {
        const weight = WEIGHT_CLASS[text[i]];
        if (weight !== undefined && weight > best) best = weight;
        i++;
      }
    }
    visit(lexeme, best);
  }
}
