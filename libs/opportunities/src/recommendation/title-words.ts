/**
 * Words of four letters or more, lower-cased: how a role held at the Games is matched with an
 * opportunity's title, both ways (opportunitiesForMe and the candidates of an opportunity).
 */
export const titleWords = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  );
