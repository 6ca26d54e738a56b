import { Bitset } from './bitset';

/**
 * Hands out zeroed word arrays as views of 2 MiB slabs. A bulk load turns ~1,000 posting lists
 * dense, 12.5 KiB each at 100k documents; allocated one by one they sat in glibc's main heap among
 * the load's transient buffers, and the heap kept the holes between them (RSS ~20 MiB over what the
 * index holds). A slab is above the mmap threshold (MALLOC_MMAP_THRESHOLD_, 1 MiB): its own mapping,
 * whose untouched tail costs no RSS. Views are never freed one by one: they live as long as the engine.
 */
export class WordSlab {
  private static readonly WORDS = (2 << 20) / 4;
  private slab: Uint32Array | null = null;
  private used = 0;

  take(words: number): Uint32Array {
    if (words > WordSlab.WORDS / 4) return new Uint32Array(words);
    if (!this.slab || this.used + words > this.slab.length) {
      this.slab = new Uint32Array(WordSlab.WORDS);
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + words);
    this.used += words;
    return view;
  }
}

/**
 * The documents holding one key (a lexeme with its weight class, a name word, a filter value).
 * Short lists are ascending document numbers with a byte each for the weight class, grown by
 * doubling. After a bulk load (`compact`), a list longer than its bitsets would be becomes one
 * bitset per weight class present: over 100k documents the common words of headlines and skills
 * held 14M numbers (64 MiB of the index) where bitsets take a fraction of that. Members come in
 * no particular order; tombstones stay in until the engine is rebuilt, as in the short form.
 * Given the universe expected (`append`'s third argument), a list turns dense as it outgrows its
 * bitsets instead of doubling on: a bulk load built and dropped ~110 MiB of doubled copies, which
 * glibc kept as a fragmented heap (RSS +100 MiB that only malloc_trim gave back).
 */
export class Postings {
  private ids: Uint32Array | null = new Uint32Array(4);
  private weights: Uint8Array | null;
  /** Dense form: the members of each weight class (an unweighted list uses class 0 only). */
  private classes: Array<Uint32Array | null> | null = null;
  length = 0;

  constructor(private readonly weighted: boolean) {
    this.weights = weighted ? new Uint8Array(4) : null;
  }

  get dense(): boolean {
    return this.classes !== null;
  }

  /**
   * Numbers only ever grow (an updated document gets a new one), so appending keeps a short list in
   * order. `universe`: how many documents the list's bitsets would span (0: stay short until compact).
   */
  append(id: number, weight = 0, universe = 0, slab?: WordSlab): void {
    if (!this.classes && this.length === this.ids!.length && universe > 0 && this.denseBytes(universe) <= this.length * 2 * this.bytesPerId()) {
      this.toDense(universe, slab);
    }
    this.length++;
    if (this.classes) {
      const cls = this.weighted ? weight : 0;
      let words = this.classes[cls];
      if (!words || words.length <= id >>> 5) {
        const size = Math.max((id >>> 5) + 1, (universe + 31) >>> 5, (words?.length ?? 0) * 2);
        // A first class at the universe's size comes from the slab; a list grown past it (after the load) is its own array.
        const grown = !words && slab ? slab.take(size) : new Uint32Array(size);
        if (words) grown.set(words);
        words = this.classes[cls] = grown;
      }
      words[id >>> 5] |= 1 << (id & 31);
      return;
    }
    const at = this.length - 1;
    if (at === this.ids!.length) {
      const ids = new Uint32Array(this.ids!.length * 2);
      ids.set(this.ids!);
      this.ids = ids;
      if (this.weights) {
        const weights = new Uint8Array(this.weights.length * 2);
        weights.set(this.weights);
        this.weights = weights;
      }
    }
    this.ids![at] = id;
    if (this.weights) this.weights[at] = weight;
  }

  /** Calls visit for each member with its weight class. */
  forEach(visit: (id: number, weight: number) => void): void {
    if (!this.classes) {
      const ids = this.ids!;
      const weights = this.weights;
      for (let i = 0; i < this.length; i++) visit(ids[i], weights ? weights[i] : 0);
      return;
    }
    for (let cls = 0; cls < this.classes.length; cls++) {
      const words = this.classes[cls];
      if (!words) continue;
      for (let k = 0; k < words.length; k++) {
        let v = words[k];
        while (v !== 0) {
          const low = v & -v;
          visit((k << 5) + (31 - Math.clz32(low)), cls);
          v ^= low;
        }
      }
    }
  }

  /** scores[id] += byClass[weight] × factor for each member: the ranking's inner loop, without a call per member. */
  addScores(scores: Float64Array, byClass: readonly number[], factor: number): void {
    if (!this.classes) {
      const ids = this.ids!;
      const weights = this.weights;
      for (let i = 0; i < this.length; i++) scores[ids[i]] += byClass[weights ? weights[i] : 0] * factor;
      return;
    }
    for (let cls = 0; cls < this.classes.length; cls++) {
      const words = this.classes[cls];
      if (!words) continue;
      const add = byClass[cls] * factor;
      for (let k = 0; k < words.length; k++) {
        let v = words[k];
        while (v !== 0) {
          const low = v & -v;
          scores[(k << 5) + (31 - Math.clz32(low))] += add;
          v ^= low;
        }
      }
    }
  }

  /** Adds every member to `set` (whose universe holds them all). */
  addTo(set: Bitset): void {
    if (!this.classes) {
      for (let i = 0; i < this.length; i++) set.add(this.ids![i]);
      return;
    }
    const into = set.words;
    for (const words of this.classes) if (words) for (let k = 0; k < words.length; k++) into[k] |= words[k];
  }

  /** How many members `set` holds (a word held in several classes counts once per class, as the short form lists it once per append). */
  countIn(set: Bitset): number {
    let n = 0;
    if (!this.classes) {
      for (let i = 0; i < this.length; i++) if (set.has(this.ids![i])) n++;
      return n;
    }
    const other = set.words;
    for (const words of this.classes) {
      if (!words) continue;
      for (let k = 0; k < words.length && k < other.length; k++) {
        let v = words[k] & other[k];
        v -= (v >>> 1) & 0x55555555;
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
        n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
    }
    return n;
  }

  /**
   * After a bulk load: the short form trimmed to its length, or the dense form when that is
   * smaller for a universe of `size` documents.
   */
  compact(size: number, slab?: WordSlab): void {
    if (this.classes) return;
    if (this.denseBytes(size) >= this.length * this.bytesPerId()) {
      this.ids = this.ids!.slice(0, Math.max(this.length, 1));
      if (this.weights) this.weights = this.weights.slice(0, Math.max(this.length, 1));
      return;
    }
    this.toDense(size, slab);
  }

  private bytesPerId(): number {
    return this.weights ? 5 : 4;
  }

  /** The weight classes the short form holds. */
  private present(): Set<number> {
    const present = new Set<number>();
    if (this.weights) for (let i = 0; i < this.length; i++) present.add(this.weights[i]);
    else present.add(0);
    return present;
  }

  private denseBytes(size: number): number {
    return this.present().size * ((size + 31) >>> 5) * 4;
  }

  private toDense(size: number, slab?: WordSlab): void {
    const classes: Array<Uint32Array | null> = [null, null, null, null];
    const words = (size + 31) >>> 5;
    for (const cls of this.present()) classes[cls] = slab ? slab.take(words) : new Uint32Array(words);
    for (let i = 0; i < this.length; i++) {
      const id = this.ids![i];
      classes[this.weights ? this.weights[i] : 0]![id >>> 5] |= 1 << (id & 31);
    }
    this.classes = classes;
    this.ids = null;
    this.weights = null;
  }
}
