// Binary min-heap of (time, id) pairs in typed arrays: the event list of the simulation. Typed arrays
// keep the hot loop free of per-event allocation; the arrays double when full.

export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(initialCapacity = 16) {
    const capacity = Math.max(1, initialCapacity);
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Smallest key, or +∞ when empty (so "next event time" comparisons need no special case). */
  peekKey(): number {
    return this.count === 0 ? Infinity : this.keys[0]!;
  }

  /** Value stored with the smallest key; -1 when empty. */
  peekValue(): number {
    return this.count === 0 ? -1 : this.values[0]!;
  }

  push(key: number, value: number): void {
    if (this.count === this.keys.length) {
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) {
        break;
      }
      keys[i] = parentKey;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the smallest entry (read it first with peekKey/peekValue). No-op when empty. */
  pop(): void {
    if (this.count === 0) {
      return;
    }
    const keys = this.keys;
    const values = this.values;
    const last = --this.count;
    if (last === 0) {
      return;
    }
    const key = keys[last]!;
    const value = values[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) {
        break;
      }
      const right = left + 1;
      const child = right < last && keys[right]! < keys[left]! ? right : left;
      if (keys[child]! >= key) {
        break;
      }
      keys[i] = keys[child]!;
      values[i] = values[child]!;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }

  clear(): void {
    this.count = 0;
  }
}
