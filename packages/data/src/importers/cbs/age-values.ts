// The values of one group (measure, region, year, sex, interval) by age key number. A table of a
// million rows holds about ten thousand groups of a hundred ages each: kept in typed arrays they
// take about a tenth of the memory of a Map per group, and the garbage collector has nothing in
// them to trace, so a long import does not make the heap grow with them.

/** A slot without a value. Stored values are whole numbers, never NaN. */
const ABSENT = Number.NaN;

export class AgeValues {
  /** Value by age key number; ABSENT where the group has none. */
  private values: Float64Array;
  /** Age key numbers in the order their rows came: the order the bands are worked out in. */
  private order: Uint32Array;
  private count = 0;

  /** `capacity`: the number of age keys seen so far, which later groups usually all have. */
  constructor(capacity: number) {
    const size = Math.max(capacity, 4);
    this.values = new Float64Array(size).fill(ABSENT);
    this.order = new Uint32Array(size);
  }

  has(key: number): boolean {
    return key < this.values.length && !Number.isNaN(this.values[key]!);
  }

  /** Sets the value of an age key the group does not have yet (see `has`). */
  add(key: number, value: number): void {
    if (key >= this.values.length) {
      const grown = new Float64Array(Math.max(key + 1, this.values.length * 2)).fill(ABSENT);
      grown.set(this.values);
      this.values = grown;
    }
    if (this.count === this.order.length) {
      const grown = new Uint32Array(this.order.length * 2);
      grown.set(this.order);
      this.order = grown;
    }
    this.values[key] = value;
    this.order[this.count++] = key;
  }

  /** [age key number, value] in the order the values came. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.count; i++) {
      const key = this.order[i]!;
      yield [key, this.values[key]!];
    }
  }
}
