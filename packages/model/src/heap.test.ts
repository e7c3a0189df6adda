import { describe, expect, it } from 'vitest';
import { MinHeap } from './heap';
import { createRng } from './random';

describe('MinHeap', () => {
  it('pops keys in ascending order with their values, growing beyond its initial capacity', () => {
    const rng = createRng({ seed: 9 });
    const heap = new MinHeap(2);
    const keys: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const key = rng.next() * 100;
      keys.push(key);
      heap.push(key, i);
    }
    const popped: number[] = [];
    while (heap.size > 0) {
      const value = heap.peekValue();
      expect(keys[value]).toBe(heap.peekKey());
      popped.push(heap.peekKey());
      heap.pop();
    }
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
    expect(heap.peekKey()).toBe(Infinity);
    expect(heap.peekValue()).toBe(-1);
  });

  it('keeps order when pushes and pops interleave', () => {
    const rng = createRng({ seed: 10 });
    const heap = new MinHeap();
    const reference: number[] = [];
    for (let i = 0; i < 5000; i++) {
      if (reference.length > 0 && rng.next() < 0.45) {
        reference.sort((a, b) => a - b);
        expect(heap.peekKey()).toBe(reference.shift());
        heap.pop();
      } else {
        const key = rng.next();
        reference.push(key);
        heap.push(key, i);
      }
    }
    expect(heap.size).toBe(reference.length);
  });
});
