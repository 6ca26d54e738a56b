/** Ascending document numbers, with one byte each (the weight class of a lexeme, or nothing), grown by doubling. */
export class Postings {
  ids = new Uint32Array(4);
  weights: Uint8Array | null;
  length = 0;

  constructor(withWeights: boolean) {
    this.weights = withWeights ? new Uint8Array(4) : null;
  }

  trim(): void {
    this.ids = this.ids.slice(0, Math.max(this.length, 1));
    if (this.weights) this.weights = this.weights.slice(0, Math.max(this.length, 1));
  }

  /** Numbers only ever grow (an updated document gets a new one), so appending keeps the order. */
  append(id: number, weight = 0): void {
    if (this.length === this.ids.length) {
      const ids = new Uint32Array(this.ids.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      if (this.weights) {
        const weights = new Uint8Array(this.weights.length * 2);
        weights.set(this.weights);
        this.weights = weights;
      }
    }
    this.ids[this.length] = id;
    if (this.weights) this.weights[this.length] = weight;
    this.length++;
  }
}
