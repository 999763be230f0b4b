/** A key-value port in memory (what globalState is to the extension), for benchmarks. */
import type { KeyValuePort } from '../src/core/key-value-port';

export class MemoryKeyValue implements KeyValuePort {
  private readonly values = new Map<string, unknown>();

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}
