/**
 * Where core keeps small state across sessions (jobs, remembered mappings). The host
 * passes VS Code's `globalState`, which fits as-is (its update returns a Thenable).
 */
export interface KeyValuePort {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}
