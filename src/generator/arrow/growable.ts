type NumericArray = Int8Array | Int16Array | Int32Array | Float64Array;
type NumericArrayConstructor<T extends NumericArray> = new (length: number) => T;

/**
 * An append-only typed array that doubles its capacity when full, so per-event columns are
 * filled without creating one JavaScript object per row.
 */
export class Growable<T extends NumericArray> {
  private buffer: T;
  length = 0;

  constructor(
    private readonly ctor: NumericArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.buffer = new ctor(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  at(i: number): number {
    return this.buffer[i]!;
  }

  /** A copy trimmed to the filled length, owning its own ArrayBuffer (so it can be transferred). */
  take(): T {
    const out = this.buffer.slice(0, this.length) as T;
    this.length = 0;
    return out;
  }

  private grow(): void {
    const next = new this.ctor(this.buffer.length * 2);
    next.set(this.buffer as never);
    this.buffer = next;
  }
}

/** A validity bitmap (1 = valid) that grows alongside a Growable column. */
export class GrowableValidity {
  private bits = new Uint8Array(128);
  length = 0;
  nullCount = 0;

  push(valid: boolean): void {
    if (this.length >> 3 >= this.bits.length) {
      const next = new Uint8Array(this.bits.length * 2);
      next.set(this.bits);
      this.bits = next;
    }
    if (valid) this.bits[this.length >> 3]! |= 1 << (this.length & 7);
    else this.nullCount++;
    this.length++;
  }

  at(i: number): boolean {
    return ((this.bits[i >> 3]! >> (i & 7)) & 1) === 1;
  }

  take(): { bitmap: Uint8Array; nullCount: number } {
    const bitmap = this.bits.slice(0, (this.length + 7) >> 3);
    const nullCount = this.nullCount;
    this.bits = new Uint8Array(128);
    this.length = 0;
    this.nullCount = 0;
    return { bitmap, nullCount };
  }
}
