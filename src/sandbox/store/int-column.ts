/** A growable column of 32-bit integers: one typed array, no per-record objects. */
export class IntColumn {
  private data = new Int32Array(1024);
  private length = 0;

  get size(): number {
    return this.length;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  get(index: number): number {
    if (index < 0 || index >= this.length) throw new RangeError(`no entry ${index} (size ${this.length})`);
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.length) throw new RangeError(`no entry ${index} (size ${this.length})`);
    this.data[index] = value;
  }
}
